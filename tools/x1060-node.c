/*
** x1060-node: one node of a dqlite cluster (Raft-replicated SQLite) with
** x1060 inside, so that every database the cluster serves has the
** extension, on whichever node leads.
**
**   build/x1060-node --id 1 --address 127.0.0.1:9001 --dir /var/lib/x1060/1
**   build/x1060-node --id 2 --address 127.0.0.1:9002 --dir ... \
**                    --join 127.0.0.1:9001
**
** Node 1 bootstraps a new cluster on an empty directory.  Every other node
** joins the cluster through the node given with --join: it asks that node
** who leads, and asks the leader to add it and make it a voter (dqlite
** 1.11's node API has no join of its own; this speaks its wire protocol,
** as go-dqlite's client does).  A node started again on its directory is
** a member already and only starts, with or without --join, whichever
** node is down (its own data hold the configuration; it asks itself).
** SIGTERM or SIGINT stops it cleanly.
**
** x1060 is compiled into the program (-DSQLITE_CORE, the static library's
** sources) and registered with sqlite3_auto_extension() before the node
** starts: dqlite opens its connections with the system's SQLite, which
** then loads x1060 into each.  x1060 is built with X1060_CLUSTER here: a
** writing function called in a SELECT outside a transaction, whose writes
** dqlite would not replicate, refuses (docs/cluster.md).
*/
#include <dqlite.h>
#include <sqlite3.h>
#include "x1060.h"

#include <errno.h>
#include <netdb.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The wire protocol's request and response types used here (go-dqlite
** internal/protocol, constants.go). */
#define REQ_LEADER   0
#define REQ_ADD     12
#define REQ_ASSIGN  13
#define REQ_CLUSTER 16
#define RES_FAILURE  0
#define RES_NODE     1
#define RES_NODES    3
#define RES_EMPTY    8
#define ROLE_VOTER   0
#define PROTOCOL_V1  1

static volatile sig_atomic_t stopRequested = 0;
static FILE *logFile = 0;

/* Write one line to the log: a UTC time, the node, the message. */
static void logLine(const char *zFmt, ...){
  va_list ap;
  char zTime[32];
  time_t t = time(0);
  if( logFile==0 ) return;
  strftime(zTime, sizeof(zTime), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
  fprintf(logFile, "%s x1060-node[%d]: ", zTime, (int)getpid());
  va_start(ap, zFmt);
  vfprintf(logFile, zFmt, ap);
  va_end(ap);
  fputc('\n', logFile);
  fflush(logFile);
}

static void onSignal(int sig){
  (void)sig;
  stopRequested = 1;
}

/* Connect to "host:port"; a socket, or -1. */
static int dialAddress(const char *zAddr){
  char zHost[256];
  const char *zColon = strrchr(zAddr, ':');
  struct addrinfo hints, *pRes = 0, *p;
  int fd = -1;
  if( zColon==0 || zColon-zAddr>=(long)sizeof(zHost) ) return -1;
  memcpy(zHost, zAddr, zColon-zAddr);
  zHost[zColon-zAddr] = 0;
  memset(&hints, 0, sizeof(hints));
  hints.ai_socktype = SOCK_STREAM;
  if( getaddrinfo(zHost, zColon+1, &hints, &pRes)!=0 ) return -1;
  for(p=pRes; p && fd<0; p=p->ai_next){
    fd = socket(p->ai_family, p->ai_socktype, p->ai_protocol);
    if( fd>=0 && connect(fd, p->ai_addr, p->ai_addrlen)!=0 ){
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(pRes);
  return fd;
}

/* Write or read exactly n bytes; 0 on success. */
static int writeAll(int fd, const void *p, size_t n){
  const unsigned char *z = p;
  while( n>0 ){
    ssize_t k = write(fd, z, n);
    if( k<=0 ){ if( k<0 && errno==EINTR ) continue; return -1; }
    z += k; n -= (size_t)k;
  }
  return 0;
}
static int readAll(int fd, void *p, size_t n){
  unsigned char *z = p;
  while( n>0 ){
    ssize_t k = read(fd, z, n);
    if( k<=0 ){ if( k<0 && errno==EINTR ) continue; return -1; }
    z += k; n -= (size_t)k;
  }
  return 0;
}

static void putU64(unsigned char *z, uint64_t v){
  int i;
  for(i=0; i<8; i++) z[i] = (unsigned char)(v>>(8*i));
}
static uint64_t getU64(const unsigned char *z){
  uint64_t v = 0;
  int i;
  for(i=7; i>=0; i--) v = (v<<8) | z[i];
  return v;
}

/* A message: its type and body (a multiple of 8 bytes). */
typedef struct Message Message;
struct Message {
  int eType;
  unsigned char a[16384];   /* the largest response read: CLUSTER */
  size_t n;
};

/* Append a 64-bit word, or a NUL-terminated text padded to 8 bytes. */
static void msgU64(Message *m, uint64_t v){
  putU64(m->a+m->n, v);
  m->n += 8;
}
static void msgText(Message *m, const char *z){
  size_t k = strlen(z)+1, pad = (8 - k%8) % 8;
  memcpy(m->a+m->n, z, k);
  memset(m->a+m->n+k, 0, pad);
  m->n += k+pad;
}

/* Send request q and read the response into r; 0 on success. */
static int roundTrip(int fd, const Message *q, Message *r){
  unsigned char h[8];
  uint32_t nWord = (uint32_t)(q->n/8);
  h[0] = (unsigned char)nWord; h[1] = (unsigned char)(nWord>>8);
  h[2] = (unsigned char)(nWord>>16); h[3] = (unsigned char)(nWord>>24);
  h[4] = (unsigned char)q->eType; h[5] = h[6] = h[7] = 0;
  if( writeAll(fd, h, 8) || writeAll(fd, q->a, q->n) ) return -1;
  if( readAll(fd, h, 8) ) return -1;
  nWord = h[0] | (h[1]<<8) | (h[2]<<16) | ((uint32_t)h[3]<<24);
  if( (size_t)nWord*8>sizeof(r->a) ) return -1;
  r->eType = h[4];
  r->n = (size_t)nWord*8;
  return readAll(fd, r->a, r->n);
}

/* Open a protocol connection to zAddr (the handshake sent); -1 if none. */
static int protocolOpen(const char *zAddr){
  unsigned char z[8];
  int fd = dialAddress(zAddr);
  putU64(z, PROTOCOL_V1);
  if( fd>=0 && writeAll(fd, z, 8) ){
    close(fd);
    fd = -1;
  }
  return fd;
}

/* The failure text of response r ("" when it has none). */
static const char *failureText(Message *r){
  if( r->eType!=RES_FAILURE || r->n<9 ) return "";
  r->a[r->n-1] = 0;
  return (const char*)r->a+8;
}

/* Ask zVia who leads; its address into zLeader. 0 on success. */
static int askLeader(const char *zVia, char *zLeader, size_t nLeader){
  Message q, r;
  int fd = protocolOpen(zVia), rc = -1;
  if( fd<0 ) return -1;
  memset(&q, 0, sizeof(q));
  q.eType = REQ_LEADER;
  msgU64(&q, 0);
  if( roundTrip(fd, &q, &r)==0 && r.eType==RES_NODE && r.n>8 ){
    size_t k = strnlen((const char*)r.a+8, r.n-8);
    if( k>0 && k<nLeader ){            /* empty: no leader yet */
      memcpy(zLeader, r.a+8, k);
      zLeader[k] = 0;
      rc = 0;
    }
  }
  close(fd);
  return rc;
}

/* The role of node iId in the configuration that the node at fd holds:
** ROLE_VOTER..., -1 when it is not a member, -2 when it cannot tell. */
static int roleOf(int fd, uint64_t iId){
  Message q, r;
  uint64_t n, k;
  size_t i = 8;
  memset(&q, 0, sizeof(q));
  q.eType = REQ_CLUSTER;
  msgU64(&q, 1);                      /* format 1: with the roles */
  if( roundTrip(fd, &q, &r)!=0 || r.eType!=RES_NODES || r.n<8 ) return -2;
  n = getU64(r.a);
  for(k=0; k<n && i+8<=r.n; k++){
    uint64_t iNode = getU64(r.a+i);
    size_t len;
    i += 8;
    len = strnlen((const char*)r.a+i, r.n-i) + 1;
    i += len + (8 - len%8) % 8;
    if( i+8>r.n ) return -2;
    if( iNode==iId ) return (int)getU64(r.a+i);
    i += 8;
  }
  return -1;
}

/* One step of joining through leader zLeader: node iId at zAddress added
** when it is not a member, made a voter when it is not one.  0 once it is
** a voter (a node started again often is already). */
static int joinVia(const char *zLeader, uint64_t iId, const char *zAddress){
  Message q, r;
  int fd = protocolOpen(zLeader), rc = -1, eRole;
  if( fd<0 ) return -1;
  eRole = roleOf(fd, iId);
  memset(&q, 0, sizeof(q));
  if( eRole==-1 ){
    q.eType = REQ_ADD;
    msgU64(&q, iId);
    msgText(&q, zAddress);
  }else if( eRole>ROLE_VOTER ){
    q.eType = REQ_ASSIGN;
    msgU64(&q, iId);
    msgU64(&q, ROLE_VOTER);
  }else if( eRole==ROLE_VOTER ){
    rc = 0;
  }
  if( q.n>0 && roundTrip(fd, &q, &r)==0 && r.eType!=RES_EMPTY ){
    logLine("%s via %s: %s", q.eType==REQ_ADD ? "add" : "assign", zLeader,
            failureText(&r));
  }
  close(fd);
  return rc;
}

/* Join the cluster, trying for up to nSecond seconds: the leader asked of
** this node itself (a member knows it) and of zVia. */
static int joinCluster(const char *zVia, uint64_t iId, const char *zAddress,
                       int nSecond){
  char zLeader[256];
  int i;
  for(i=0; i<nSecond*5 && !stopRequested; i++){
    const char *zAsk = (i & 1) ? zVia : zAddress;
    if( askLeader(zAsk, zLeader, sizeof(zLeader))==0
     && joinVia(zLeader, iId, zAddress)==0 ){
      logLine("joined the cluster through %s (leader %s)", zAsk, zLeader);
      return 0;
    }
    usleep(200000);
  }
  return -1;
}

/* This node's role in the configuration its own data hold (the node
** started at zAddress): ROLE_VOTER..., -1 when it is no member (a new
** node), -2 when it cannot tell. */
static int ownRole(const char *zAddress, uint64_t iId){
  int fd = protocolOpen(zAddress), eRole;
  if( fd<0 ) return -2;
  eRole = roleOf(fd, iId);
  close(fd);
  return eRole;
}

/* Take the node into the cluster as --join asks: a new node joins through
** zVia (0 once it is a voter, -1 when it could not within 30 s); a member
** (its directory holds a configuration with it, as after a restart with
** the line that first joined it) starts from its data whoever is down,
** and is made a voter if it is not one yet, through any member. */
static int joinOnce(const char *zVia, uint64_t iId, const char *zAddress,
                    const char *zDir){
  int eRole = ownRole(zAddress, iId);
  if( eRole<0 ) return joinCluster(zVia, iId, zAddress, 30);
  logLine("a member already (its data in %s): starting from them, --join "
          "%s not needed", zDir, zVia);
  if( eRole!=ROLE_VOTER && joinCluster(zVia, iId, zAddress, 30)!=0 ){
    logLine("not made a voter yet (no leader reachable); serving as a "
            "member");
  }
  return 0;
}

static void usage(const char *zMsg){
  fprintf(stderr, "x1060-node: %s\n"
    "usage: x1060-node --id N --address HOST:PORT --dir DIR\n"
    "                  [--join HOST:PORT] [--log FILE|-]\n"
    "                  [--snapshot-threshold N] [--snapshot-trailing N]\n"
    "  --id        this node's number, 1 to bootstrap a new cluster\n"
    "  --address   where this node listens (and what the others dial)\n"
    "  --dir       its data directory (made if missing)\n"
    "  --join      a node of the cluster to join through (not for node 1;\n"
    "              a member started again needs none: it starts from its data)\n"
    "  --log       log file, or - for standard error (default: none)\n"
    "  --snapshot-threshold, --snapshot-trailing  raft snapshot parameters\n",
    zMsg);
  exit(2);
}

/* A positive integer option value, or a usage error naming zOpt. */
static unsigned long long positive(const char *zOpt, const char *z){
  char *zEnd = 0;
  unsigned long long v;
  if( z==0 ) usage("an option needs a value");
  errno = 0;
  v = strtoull(z, &zEnd, 10);
  if( errno || *zEnd || v==0 || z[0]=='-' ){
    char zMsg[200];
    snprintf(zMsg, sizeof(zMsg), "%s '%s' is not a positive integer", zOpt, z);
    usage(zMsg);
  }
  return v;
}

int main(int argc, char **argv){
  unsigned long long iId = 0, nThreshold = 0, nTrailing = 0;
  const char *zAddress = 0, *zDir = 0, *zJoin = 0, *zLog = 0;
  dqlite_node *pNode = 0;
  struct stat st;
  int i, rc;
  for(i=1; i<argc; i++){
    const char *z = argv[i], *zVal = i+1<argc ? argv[i+1] : 0;
    if( strcmp(z, "--id")==0 ){ iId = positive(z, zVal); i++; }
    else if( strcmp(z, "--address")==0 && zVal ){ zAddress = zVal; i++; }
    else if( strcmp(z, "--dir")==0 && zVal ){ zDir = zVal; i++; }
    else if( strcmp(z, "--join")==0 && zVal ){ zJoin = zVal; i++; }
    else if( strcmp(z, "--log")==0 && zVal ){ zLog = zVal; i++; }
    else if( strcmp(z, "--snapshot-threshold")==0 ){
      nThreshold = positive(z, zVal); i++;
    }else if( strcmp(z, "--snapshot-trailing")==0 ){
      nTrailing = positive(z, zVal); i++;
    }else{
      char zMsg[300];
      snprintf(zMsg, sizeof(zMsg), "unknown option or missing value: '%s'", z);
      usage(zMsg);
    }
  }
  if( iId==0 ) usage("--id is required");
  if( zAddress==0 || strchr(zAddress, ':')==0 ){
    usage("--address HOST:PORT is required");
  }
  if( zDir==0 ) usage("--dir is required");
  if( iId==1 && zJoin ) usage("node 1 bootstraps the cluster: it joins none");
  if( iId!=1 && zJoin==0 && (stat(zDir, &st)!=0 || !S_ISDIR(st.st_mode)) ){
    usage("a new node other than 1 needs --join HOST:PORT");
  }
  if( zLog ){
    logFile = strcmp(zLog, "-")==0 ? stderr : fopen(zLog, "a");
    if( logFile==0 ){ perror(zLog); return 1; }
  }
  if( mkdir(zDir, 0700)!=0 && errno!=EEXIST ){ perror(zDir); return 1; }

  /* a peer going away must not kill a follower */
  signal(SIGPIPE, SIG_IGN);
  signal(SIGTERM, onSignal);
  signal(SIGINT, onSignal);

  rc = sqlite3_auto_extension((void(*)(void))sqlite3_x1060_init);
  if( rc==SQLITE_OK ) rc = dqlite_node_create(iId, zAddress, zDir, &pNode);
  if( rc==0 ) rc = dqlite_node_set_bind_address(pNode, zAddress);
  if( rc==0 && (nThreshold || nTrailing) ){
    if( !nThreshold ) nThreshold = 1024;    /* dqlite's defaults */
    if( !nTrailing ) nTrailing = 8192;
    if( nTrailing<nThreshold || nTrailing<4 || nThreshold>UINT32_MAX
     || nTrailing>UINT32_MAX ){
      dqlite_node_destroy(pNode);
      usage("--snapshot-trailing must be at least 4 and at least "
            "--snapshot-threshold");
    }
    rc = dqlite_node_set_snapshot_params(pNode, (unsigned)nThreshold,
                                         (unsigned)nTrailing);
  }
  if( rc==0 ) rc = dqlite_node_start(pNode);
  if( rc!=0 ){
    fprintf(stderr, "x1060-node: cannot start node %llu at %s: %s\n", iId,
            zAddress, pNode ? dqlite_node_errmsg(pNode) : "out of memory");
    if( pNode ) dqlite_node_destroy(pNode);
    return 1;
  }
  logLine("node %llu serving %s from %s (x1060 %s, SQLite %s)", iId, zAddress,
        zDir, X1060_VERSION, sqlite3_libversion());
  if( zJoin && joinOnce(zJoin, iId, zAddress, zDir)!=0 && !stopRequested ){
    fprintf(stderr, "x1060-node: could not join the cluster through %s\n",
            zJoin);
    dqlite_node_stop(pNode);
    dqlite_node_destroy(pNode);
    return 1;
  }
  while( !stopRequested ) usleep(100000);
  logLine("stopping");
  dqlite_node_stop(pNode);
  dqlite_node_destroy(pNode);
  logLine("stopped");
  return 0;
}
