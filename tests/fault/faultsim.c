/*
** A Tcl module for out-of-memory injection, in the manner of SQLite's own
** malloc fault simulation (test/malloc_common.tcl): it wraps SQLite's
** allocator and makes the Nth allocation from now fail, once or from then
** on.  Debian's Tcl binding links the system libsqlite3, so the wrapper
** sees every allocation of the binding, of SQLite and of x1060.
**
**   load build/faultsim.so Faultsim
**   faultsim_install           before any connection is opened
**   faultsim_fail N ?PERSIST?  arm (N>0) or disarm (N=0); returns the
**                              number of faults injected since the last call
**   faultsim_memory_used       sqlite3_memory_used()
*/
#include <tcl.h>
#include <sqlite3.h>

static sqlite3_mem_methods origMethods;
static int iCountdown = 0;     /* fail when it reaches 0; <0 disarmed */
static int bPersist = 0;
static int nFault = 0;

/* True if this allocation is to fail. */
static int faultNow(void){
  if( iCountdown<0 ) return 0;
  if( iCountdown>0 ){ iCountdown--; return iCountdown==0 && (nFault++, 1); }
  if( bPersist ){ nFault++; return 1; }
  return 0;
}

static void *faultMalloc(int n){
  return faultNow() ? 0 : origMethods.xMalloc(n);
}
static void *faultRealloc(void *p, int n){
  return faultNow() ? 0 : origMethods.xRealloc(p, n);
}

static int installCmd(ClientData cd, Tcl_Interp *interp, int objc,
                      Tcl_Obj *const objv[]){
  sqlite3_mem_methods m;
  int rc;
  (void)cd; (void)objc; (void)objv;
  iCountdown = -1;
  sqlite3_shutdown();
  rc = sqlite3_config(SQLITE_CONFIG_GETMALLOC, &origMethods);
  m = origMethods;
  m.xMalloc = faultMalloc;
  m.xRealloc = faultRealloc;
  if( rc==SQLITE_OK ) rc = sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
  if( rc==SQLITE_OK ) rc = sqlite3_initialize();
  if( rc!=SQLITE_OK ){
    Tcl_SetObjResult(interp, Tcl_NewStringObj(sqlite3_errstr(rc), -1));
    return TCL_ERROR;
  }
  return TCL_OK;
}

static int failCmd(ClientData cd, Tcl_Interp *interp, int objc,
                   Tcl_Obj *const objv[]){
  int n = 0, persist = 0;
  (void)cd;
  if( objc<2 || objc>3 || Tcl_GetIntFromObj(interp, objv[1], &n)!=TCL_OK
   || (objc==3 && Tcl_GetBooleanFromObj(interp, objv[2], &persist)!=TCL_OK) ){
    Tcl_WrongNumArgs(interp, 1, objv, "N ?PERSIST?");
    return TCL_ERROR;
  }
  Tcl_SetObjResult(interp, Tcl_NewIntObj(nFault));
  nFault = 0;
  iCountdown = n>0 ? n : -1;
  bPersist = persist;
  return TCL_OK;
}

static int usedCmd(ClientData cd, Tcl_Interp *interp, int objc,
                   Tcl_Obj *const objv[]){
  (void)cd; (void)objc; (void)objv;
  Tcl_SetObjResult(interp, Tcl_NewWideIntObj(sqlite3_memory_used()));
  return TCL_OK;
}

int Faultsim_Init(Tcl_Interp *interp){
  if( Tcl_InitStubs(interp, "8.6", 0)==0 ) return TCL_ERROR;
  Tcl_CreateObjCommand(interp, "faultsim_install", installCmd, 0, 0);
  Tcl_CreateObjCommand(interp, "faultsim_fail", failCmd, 0, 0);
  Tcl_CreateObjCommand(interp, "faultsim_memory_used", usedCmd, 0, 0);
  return TCL_OK;
}
