/*
** x1060: reading JSON, three ways.
**
** x1060JsonCheck() holds a text to the rule for all JSON input (below).
**
** x1060JsonRead() reads a small text (x1060_score's answers) into a flat
** array of nodes (objects, strings, booleans, null, numbers) with parent
** links, so that callers can walk an object's members.  Limits:
** X1060_JSON_MAX_NODE nodes and X1060_JSON_MAX_DEPTH levels of nesting;
** anything larger is an error, not a deep recursion.  Strings are decoded
** (escapes, \uXXXX to UTF-8) into one buffer.
**
** x1060JsonItemsBegin() and x1060JsonItemsNext() walk the members of an
** object or the elements of an array of a text that x1060JsonCheck
** accepted, as spans of that text: nothing is copied or allocated, so a
** large document (x1060_import) is read in its own memory only.
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT3

typedef struct JsonParse JsonParse;
struct JsonParse {
  const char *z;          /* the text */
  int n;                  /* its length */
  int i;                  /* read position */
  X1060Json *pOut;        /* the result */
  char *zBuf;             /* decoded strings, owned by pOut */
  int nBuf;
};

/* The first position of z (n bytes) from i that is not JSON white space
** (every reader of this file skips it so). */
int x1060JsonSkipSpace(const char *z, int n, int i){
  while( i<n && (z[i]==' ' || z[i]=='\t' || z[i]=='\n' || z[i]=='\r') ) i++;
  return i;
}

static void jsonSpace(JsonParse *p){
  p->i = x1060JsonSkipSpace(p->z, p->n, p->i);
}

/* Set the error message to entry eMsg of the catalogue, which says where
** (the first one wins); return SQLITE_ERROR. */
static int jsonFail(JsonParse *p, int eMsg){
  if( p->pOut->zErr==0 ){
    char zAt[16];
    sqlite3_snprintf(sizeof(zAt), zAt, "%d", p->i+1);
    p->pOut->zErr = x1060MsgIn(p->pOut->bJa, eMsg, zAt);
  }
  return SQLITE_ERROR;
}

/* Write the UTF-8 encoding of code point c at z; the number of bytes. */
static int jsonUtf8(char *z, unsigned c){
  if( c<0x80 ){
    z[0] = (char)c;
    return 1;
  }
  if( c<0x800 ){
    z[0] = (char)(0xC0 | (c>>6));
    z[1] = (char)(0x80 | (c&0x3F));
    return 2;
  }
  if( c<0x10000 ){
    z[0] = (char)(0xE0 | (c>>12));
    z[1] = (char)(0x80 | ((c>>6)&0x3F));
    z[2] = (char)(0x80 | (c&0x3F));
    return 3;
  }
  z[0] = (char)(0xF0 | (c>>18));
  z[1] = (char)(0x80 | ((c>>12)&0x3F));
  z[2] = (char)(0x80 | ((c>>6)&0x3F));
  z[3] = (char)(0x80 | (c&0x3F));
  return 4;
}

/* Append a UTF-8 encoding of code point c to the string buffer. */
static void jsonPutUtf8(JsonParse *p, unsigned c){
  p->nBuf += jsonUtf8(p->zBuf + p->nBuf, c);
}

/* The value of the 4 hex digits at z, or -1. */
static int jcHex4(const unsigned char *z){
  int k, v = 0;
  for(k=0; k<4; k++){
    int c = z[k];
    if( c>='0' && c<='9' ) v = v*16 + c - '0';
    else if( c>='a' && c<='f' ) v = v*16 + c - 'a' + 10;
    else if( c>='A' && c<='F' ) v = v*16 + c - 'A' + 10;
    else return -1;
  }
  return v;
}

/* Read a string at p->i (on its opening quote) into the buffer; its start
** in the buffer goes to *piStart and its length to *pnLen. */
static int jsonString(JsonParse *p, int *piStart, int *pnLen){
  *piStart = p->nBuf;
  for(p->i++; p->i<p->n; p->i++){
    unsigned char c = (unsigned char)p->z[p->i];
    if( c=='"' ){
      *pnLen = p->nBuf - *piStart;
      p->zBuf[p->nBuf++] = 0;
      p->i++;
      return SQLITE_OK;
    }
    if( c<0x20 ) return jsonFail(p, X1060_MSG_JSON_CONTROL);
    if( c!='\\' ){
      p->zBuf[p->nBuf++] = (char)c;
      continue;
    }
    if( ++p->i>=p->n ) break;
    switch( p->z[p->i] ){
      case '"': case '\\': case '/': p->zBuf[p->nBuf++] = p->z[p->i]; break;
      case 'b': p->zBuf[p->nBuf++] = '\b'; break;
      case 'f': p->zBuf[p->nBuf++] = '\f'; break;
      case 'n': p->zBuf[p->nBuf++] = '\n'; break;
      case 'r': p->zBuf[p->nBuf++] = '\r'; break;
      case 't': p->zBuf[p->nBuf++] = '\t'; break;
      case 'u': {
        const unsigned char *zu = (const unsigned char*)p->z + p->i;
        int c2 = p->i+4<p->n ? jcHex4(zu+1) : -1, lo;
        if( c2<0 ) return jsonFail(p, X1060_MSG_JSON_BAD_U);
        if( c2==0 ) return jsonFail(p, X1060_MSG_JSON_NUL_IN_STRING);
        p->i += 4;
        if( c2>=0xD800 && c2<=0xDBFF && p->i+6<p->n && zu[5]=='\\'
         && zu[6]=='u' && (lo = jcHex4(zu+7))>=0xDC00 && lo<=0xDFFF ){
          /* a surrogate pair is one character (x1060JsonCheck refuses a
          ** lone surrogate) */
          c2 = 0x10000 + ((c2-0xD800)<<10) + (lo-0xDC00);
          p->i += 6;
        }
        jsonPutUtf8(p, (unsigned)c2);
        break;
      }
      default: return jsonFail(p, X1060_MSG_JSON_BAD_ESCAPE);
    }
  }
  return jsonFail(p, X1060_MSG_JSON_UNTERMINATED);
}

/* Add a node; its index, or -1 when there are too many. */
static int jsonNode(JsonParse *p, int eType, int iParent){
  X1060Json *pOut = p->pOut;
  X1060JsonNode *pNode;
  if( pOut->nNode>=X1060_JSON_MAX_NODE ) return -1;
  pNode = &pOut->aNode[pOut->nNode];
  memset(pNode, 0, sizeof(*pNode));
  pNode->eType = eType;
  pNode->iParent = iParent;
  return pOut->nNode++;
}

/* Read one value at p->i as a child of node iParent, under key iKey (a
** buffer offset, or -1), at nesting depth iDepth. */
static int jsonValue(JsonParse *p, int iParent, int iKey, int iDepth){
  int iNode, rc = SQLITE_OK;
  const char *z;
  jsonSpace(p);
  if( p->i>=p->n ) return jsonFail(p, X1060_MSG_JSON_MISSING_VALUE);
  z = p->z + p->i;
  if( *z=='{' ){
    if( iDepth>=X1060_JSON_MAX_DEPTH ){
      return jsonFail(p, X1060_MSG_JSON_TOO_DEEP);
    }
    if( (iNode = jsonNode(p, X1060_JSON_OBJECT, iParent))<0 ){
      return jsonFail(p, X1060_MSG_JSON_TOO_MANY);
    }
    p->i++;
    jsonSpace(p);
    if( p->i<p->n && p->z[p->i]=='}' ){ p->i++; goto done; }
    while( rc==SQLITE_OK ){
      int iK, nK;
      jsonSpace(p);
      if( p->i>=p->n || p->z[p->i]!='"' ){
        return jsonFail(p, X1060_MSG_JSON_MISSING_KEY);
      }
      if( (rc = jsonString(p, &iK, &nK))!=SQLITE_OK ) return rc;
      jsonSpace(p);
      if( p->i>=p->n || p->z[p->i]!=':' ){
        return jsonFail(p, X1060_MSG_JSON_MISSING_COLON);
      }
      p->i++;
      rc = jsonValue(p, iNode, iK, iDepth+1);
      jsonSpace(p);
      if( rc==SQLITE_OK && p->i<p->n && p->z[p->i]==',' ){ p->i++; continue; }
      if( rc==SQLITE_OK && p->i<p->n && p->z[p->i]=='}' ){ p->i++; break; }
      if( rc==SQLITE_OK ) return jsonFail(p, X1060_MSG_JSON_MISSING_BRACE);
    }
  }else if( *z=='"' ){
    int iS, nS;
    if( (iNode = jsonNode(p, X1060_JSON_STRING, iParent))<0 ){
      return jsonFail(p, X1060_MSG_JSON_TOO_MANY);
    }
    rc = jsonString(p, &iS, &nS);
    p->pOut->aNode[iNode].iText = iS;
  }else if( p->n-p->i>=4 && memcmp(z, "true", 4)==0 ){
    iNode = jsonNode(p, X1060_JSON_TRUE, iParent);
    p->i += 4;
  }else if( p->n-p->i>=5 && memcmp(z, "false", 5)==0 ){
    iNode = jsonNode(p, X1060_JSON_FALSE, iParent);
    p->i += 5;
  }else if( p->n-p->i>=4 && memcmp(z, "null", 4)==0 ){
    iNode = jsonNode(p, X1060_JSON_NULL, iParent);
    p->i += 4;
  }else if( *z=='-' || (*z>='0' && *z<='9') || *z=='[' ){
    iNode = jsonNode(p, *z=='[' ? X1060_JSON_ARRAY : X1060_JSON_NUMBER,
                     iParent);
    if( *z=='[' ) return jsonFail(p, X1060_MSG_JSON_ARRAY_ANSWER);
    while( p->i<p->n && strchr("+-.eE0123456789", p->z[p->i]) ) p->i++;
  }else{
    return jsonFail(p, X1060_MSG_JSON_UNEXPECTED);
  }
done:
  if( rc==SQLITE_OK && iNode<0 ) return jsonFail(p, X1060_MSG_JSON_TOO_MANY);
  if( rc==SQLITE_OK ) p->pOut->aNode[iNode].iKey = iKey;
  return rc;
}

/*
** Read the JSON text z (n bytes) into *pOut.  On SQLITE_ERROR pOut->zErr
** says what is wrong and where; SQLITE_NOMEM on OOM.  x1060JsonFree()
** releases pOut in every case.
*/
int x1060JsonRead(const char *z, int n, X1060Json *pOut){
  JsonParse p;
  int rc, bJa = pOut->bJa;
  memset(pOut, 0, sizeof(*pOut));
  pOut->bJa = bJa;
  memset(&p, 0, sizeof(p));
  p.z = z;
  p.n = n;
  p.pOut = pOut;
  p.zBuf = pOut->zText = sqlite3_malloc64((sqlite3_uint64)n + 1);
  if( p.zBuf==0 ) return SQLITE_NOMEM;
  if( memchr(z, 0, n) ){
    return jsonFail(&p, X1060_MSG_JSON_NUL);
  }
  rc = jsonValue(&p, -1, -1, 0);
  jsonSpace(&p);
  if( rc==SQLITE_OK && p.i<p.n ) rc = jsonFail(&p, X1060_MSG_JSON_TRAILING);
  /* what this reader took, the rule for all JSON input must allow */
  if( rc==SQLITE_OK ) rc = x1060JsonCheck(z, n, pOut->bJa, &pOut->zErr);
  if( rc==SQLITE_ERROR && pOut->zErr==0 ) rc = SQLITE_NOMEM;
  return rc;
}

void x1060JsonFree(X1060Json *p){
  sqlite3_free(p->zText);
  sqlite3_free(p->zErr);
  memset(p, 0, sizeof(*p));
}

/* The key of node i (or "" for the root). */
const char *x1060JsonKey(const X1060Json *p, int i){
  return p->aNode[i].iKey<0 ? "" : p->zText + p->aNode[i].iKey;
}

/* The text of string node i. */
const char *x1060JsonText(const X1060Json *p, int i){
  return p->zText + p->aNode[i].iText;
}

/*
** The rule for all JSON input (x1060_import and x1060_score):
**
**   - strict JSON (RFC 8259): no comments, no trailing commas, no JSON5;
**   - in UTF-8: every byte of every string part of a valid character;
**   - strings as SQL text allows them: no NUL (\u0000), no lone surrogate
**     (\uD800..\uDFFF not in a pair), which no UTF-8 text can hold;
**   - every key once in its object (readers disagree on which one wins);
**   - at most JC_MAX_DEPTH levels of nesting.
**
** x1060JsonCheck() reads a text once, without recursion, and names the
** path of the first problem ($.services[3].note).  Which fields a value
** may have, and of which type, is for each reader to say.
*/
#define JC_MAX_DEPTH 32

typedef struct JcFrame JcFrame;
struct JcFrame {
  int bArray;             /* an array (else an object) */
  int iIndex;             /* the current element of an array */
  int iKey, nKey;         /* the current member's key, raw, in the text */
  int iFirst;             /* where its keys start in JsonCheck.aKey */
  int bOpen;              /* just opened: no member read yet */
};

#define jcDigit(c) ((c)>='0' && (c)<='9')

typedef struct JsonCheck JsonCheck;
struct JsonCheck {
  const unsigned char *z; /* the text */
  int n, i;               /* its length, the read position */
  int nFrame;
  JcFrame aFrame[JC_MAX_DEPTH];
  int *aKey;              /* offsets of the keys of the open objects */
  int nKey, nAlloc;
  int *aTmp;              /* for sorting them */
  char *zErr;             /* the first problem */
  int rc;
  int bJa;                /* said in Japanese */
};

/* Record problem zWhat (owned) at the current path; returns SQLITE_ERROR,
** or SQLITE_NOMEM. */
static int jcFail(JsonCheck *p, char *zWhat){
  sqlite3_str *pStr;
  int k;
  if( zWhat==0 ) return p->rc = SQLITE_NOMEM;
  pStr = sqlite3_str_new(0);
  sqlite3_str_appendchar(pStr, 1, '$');
  for(k=0; k<p->nFrame; k++){
    const JcFrame *f = &p->aFrame[k];
    if( f->bArray ) sqlite3_str_appendf(pStr, "[%d]", f->iIndex);
    else if( f->nKey>0 ){
      sqlite3_str_appendf(pStr, ".%.*s", f->nKey, (const char*)p->z+f->iKey);
    }
  }
  sqlite3_str_appendf(pStr, ": %s", zWhat);
  sqlite3_free(zWhat);
  p->zErr = sqlite3_str_finish(pStr);
  return p->rc = p->zErr ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The same for a syntax error: entry eMsg, which says where it is. */
static int jcSyntax(JsonCheck *p, int eMsg){
  char zAt[16];
  sqlite3_snprintf(sizeof(zAt), zAt, "%d", p->i+1);
  return jcFail(p, x1060MsgIn(p->bJa, eMsg, zAt));
}

/*
** The next character of the string whose text continues at *pi (after
** its opening quote) as a code point, with escapes decoded; -1 at its
** closing quote; -2 when the text is not a valid string, *peWhy saying
** why (an entry of the catalogue).  Advances *pi.
*/
static int jcChar(const unsigned char *z, int n, int *pi, int *peWhy){
  int i = *pi, c, nc, lo;
  if( i>=n ){ *peWhy = X1060_MSG_JSON_UNTERMINATED; return -2; }
  c = z[i];
  if( c=='"' ){ *pi = i+1; return -1; }
  if( c<0x20 ){ *peWhy = X1060_MSG_JSON_CONTROL; return -2; }
  if( c!='\\' ){
    if( c<0x80 ){ *pi = i+1; return c; }
    nc = x1060Utf8CharLength(z+i, n-i);
    if( nc==0 ){
      *peWhy = X1060_MSG_JSON_NOT_UTF8;
      return -2;
    }
    c = nc==2 ? (z[i]&0x1F)<<6 | (z[i+1]&0x3F)
      : nc==3 ? (z[i]&0x0F)<<12 | (z[i+1]&0x3F)<<6 | (z[i+2]&0x3F)
      : (z[i]&0x07)<<18 | (z[i+1]&0x3F)<<12 | (z[i+2]&0x3F)<<6
        | (z[i+3]&0x3F);
    *pi = i+nc;
    return c;
  }
  if( i+1>=n ){ *peWhy = X1060_MSG_JSON_UNTERMINATED; return -2; }
  switch( z[i+1] ){
    case '"': case '\\': case '/': *pi = i+2; return z[i+1];
    case 'b': *pi = i+2; return '\b';
    case 'f': *pi = i+2; return '\f';
    case 'n': *pi = i+2; return '\n';
    case 'r': *pi = i+2; return '\r';
    case 't': *pi = i+2; return '\t';
    case 'u': break;
    default: *peWhy = X1060_MSG_JSON_BAD_ESCAPE; return -2;
  }
  if( i+6>n || (c = jcHex4(z+i+2))<0 ){
    *peWhy = X1060_MSG_JSON_BAD_U;
    return -2;
  }
  if( c==0 ){
    *peWhy = X1060_MSG_JSON_NUL_ESCAPE;
    return -2;
  }
  if( c>=0xDC00 && c<=0xDFFF ){
    *peWhy = X1060_MSG_JSON_LOW_SURROGATE;
    return -2;
  }
  if( c>=0xD800 && c<=0xDBFF ){
    if( i+12>n || z[i+6]!='\\' || z[i+7]!='u'
     || (lo = jcHex4(z+i+8))<0xDC00 || lo>0xDFFF ){
      *peWhy = X1060_MSG_JSON_HIGH_SURROGATE;
      return -2;
    }
    *pi = i+12;
    return 0x10000 + ((c-0xD800)<<10) + (lo-0xDC00);
  }
  *pi = i+6;
  return c;
}

/* Read the string at p->i (its opening quote), checking it. */
static int jcString(JsonCheck *p){
  int eWhy = 0, c;
  p->i++;
  while( (c = jcChar(p->z, p->n, &p->i, &eWhy))>=0 ){}
  if( c==-2 ) return jcSyntax(p, eWhy);
  return SQLITE_OK;
}

/* Compare the keys (raw strings, valid) at offsets a and b of z as the
** text they decode to. */
static int jcKeyCmp(const unsigned char *z, int n, int a, int b){
  int eWhy, ia = a+1, ib = b+1;
  for(;;){
    int ca = jcChar(z, n, &ia, &eWhy), cb = jcChar(z, n, &ib, &eWhy);
    if( ca!=cb ) return ca<cb ? -1 : 1;
    if( ca<0 ) return 0;
  }
}

/* Sort a[0..n) (key offsets) by jcKeyCmp, using aTmp (n entries). */
static void jcSort(const unsigned char *z, int nz, int *a, int *aTmp, int n){
  int w, lo;
  for(w=1; w<n; w*=2){
    for(lo=0; lo<n-w; lo+=2*w){
      int mid = lo+w, hi = lo+2*w<n ? lo+2*w : n, i = lo, j = mid, k = lo;
      while( i<mid && j<hi ){
        aTmp[k++] = jcKeyCmp(z, nz, a[i], a[j])<=0 ? a[i++] : a[j++];
      }
      while( i<mid ) aTmp[k++] = a[i++];
      while( j<hi ) aTmp[k++] = a[j++];
      memcpy(a+lo, aTmp+lo, sizeof(int)*(size_t)(hi-lo));
    }
  }
}

/* Remember the key at offset iKey of the innermost object. */
static int jcAddKey(JsonCheck *p, int iKey){
  if( p->nKey>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 64;
    int *aNew = sqlite3_realloc64(p->aKey, sizeof(int)*(sqlite3_uint64)nNew);
    if( aNew==0 ) return p->rc = SQLITE_NOMEM;
    p->aKey = aNew;
    aNew = sqlite3_realloc64(p->aTmp, sizeof(int)*(sqlite3_uint64)nNew);
    if( aNew==0 ) return p->rc = SQLITE_NOMEM;
    p->aTmp = aNew;
    p->nAlloc = nNew;
  }
  p->aKey[p->nKey++] = iKey;
  return SQLITE_OK;
}

/* The innermost object ends: a key given twice is a problem. */
static int jcCloseObject(JsonCheck *p){
  JcFrame *f = &p->aFrame[p->nFrame-1];
  int n = p->nKey - f->iFirst, k, rc;
  jcSort(p->z, p->n, p->aKey+f->iFirst, p->aTmp+f->iFirst, n);
  for(k=1; k<n; k++){
    int a = p->aKey[f->iFirst+k-1], b = p->aKey[f->iFirst+k], i = a+1;
    int eWhy;
    if( jcKeyCmp(p->z, p->n, a, b)==0 ){
      char *zKey;
      while( jcChar(p->z, p->n, &i, &eWhy)>=0 ){}
      f->nKey = 0;
      zKey = sqlite3_mprintf("%.*s", i-a-2, (const char*)p->z+a+1);
      rc = jcFail(p, zKey ? x1060MsgIn(p->bJa, X1060_MSG_JSON_KEY_TWICE, zKey)
                          : 0);
      sqlite3_free(zKey);
      return rc;
    }
  }
  p->nKey = f->iFirst;
  return SQLITE_OK;
}

/* Skip white space. */
static void jcSpace(JsonCheck *p){
  p->i = x1060JsonSkipSpace((const char*)p->z, p->n, p->i);
}

/* Read a number at p->i (strict JSON grammar). */
static int jcNumber(JsonCheck *p){
  const unsigned char *z = p->z;
  int i = p->i, n = p->n;
  if( i<n && z[i]=='-' ) i++;
  if( i<n && z[i]=='0' ) i++;
  else if( i<n && z[i]>='1' && z[i]<='9' ){ while( i<n && jcDigit(z[i]) ) i++; }
  else return jcSyntax(p, X1060_MSG_JSON_BAD_NUMBER);
  if( i<n && z[i]=='.' ){
    i++;
    if( i>=n || !jcDigit(z[i]) ){
      p->i = i;
      return jcSyntax(p, X1060_MSG_JSON_BAD_NUMBER);
    }
    while( i<n && jcDigit(z[i]) ) i++;
  }
  if( i<n && (z[i]=='e' || z[i]=='E') ){
    i++;
    if( i<n && (z[i]=='+' || z[i]=='-') ) i++;
    if( i>=n || !jcDigit(z[i]) ){
      p->i = i;
      return jcSyntax(p, X1060_MSG_JSON_BAD_NUMBER);
    }
    while( i<n && jcDigit(z[i]) ) i++;
  }
  p->i = i;
  return SQLITE_OK;
}

/* Read one scalar value or the start of an object or array at p->i. */
static int jcValue(JsonCheck *p){
  const unsigned char *z;
  int left;
  jcSpace(p);
  z = p->z + p->i;
  left = p->n - p->i;
  if( left<=0 ) return jcSyntax(p, X1060_MSG_JSON_MISSING_VALUE);
  if( *z=='{' || *z=='[' ){
    JcFrame *f;
    if( p->nFrame>=JC_MAX_DEPTH ) return jcSyntax(p, X1060_MSG_JSON_TOO_DEEP);
    f = &p->aFrame[p->nFrame++];
    memset(f, 0, sizeof(*f));
    f->bArray = *z=='[';
    f->iFirst = p->nKey;
    f->bOpen = 1;
    p->i++;
    return SQLITE_OK;
  }
  if( *z=='"' ) return jcString(p);
  if( left>=4 && memcmp(z, "true", 4)==0 ){ p->i += 4; return SQLITE_OK; }
  if( left>=5 && memcmp(z, "false", 5)==0 ){ p->i += 5; return SQLITE_OK; }
  if( left>=4 && memcmp(z, "null", 4)==0 ){ p->i += 4; return SQLITE_OK; }
  if( *z=='-' || jcDigit(*z) ) return jcNumber(p);
  return jcSyntax(p, X1060_MSG_JSON_UNEXPECTED);
}

/* In the innermost container, at p->i: its next member or element, or its
** end. */
static int jcMember(JsonCheck *p){
  JcFrame *f = &p->aFrame[p->nFrame-1];
  char cEnd = f->bArray ? ']' : '}';
  int bFirst = f->bOpen;
  f->bOpen = 0;
  jcSpace(p);
  if( p->i<p->n && p->z[p->i]==cEnd && bFirst ){
    p->i++;
    p->nFrame--;
    return SQLITE_OK;
  }
  if( !bFirst ){
    if( p->i<p->n && p->z[p->i]==cEnd ){
      p->i++;
      if( !f->bArray && jcCloseObject(p) ) return p->rc;
      p->nFrame--;
      return SQLITE_OK;
    }
    if( p->i>=p->n || p->z[p->i]!=',' ){
      return jcSyntax(p, f->bArray ? X1060_MSG_JSON_MISSING_BRACKET
                                   : X1060_MSG_JSON_MISSING_BRACE);
    }
    p->i++;
    jcSpace(p);
    if( f->bArray ) f->iIndex++;
  }
  if( !f->bArray ){
    int iKey = p->i;
    f->nKey = 0;
    if( p->i>=p->n || p->z[p->i]!='"' ){
      return jcSyntax(p, X1060_MSG_JSON_MISSING_KEY);
    }
    if( jcString(p) ) return p->rc;
    f->iKey = iKey+1;
    f->nKey = p->i - iKey - 2;
    if( jcAddKey(p, iKey) ) return p->rc;
    jcSpace(p);
    if( p->i>=p->n || p->z[p->i]!=':' ){
      return jcSyntax(p, X1060_MSG_JSON_MISSING_COLON);
    }
    p->i++;
  }
  return jcValue(p);
}

/*
** Check JSON text z (n bytes) against the rule above.  SQLITE_OK, or
** SQLITE_ERROR with *pzErr (from sqlite3_mprintf) naming the path and the
** problem, or SQLITE_NOMEM.
*/
int x1060JsonCheck(const char *z, int n, int bJa, char **pzErr){
  JsonCheck c;
  memset(&c, 0, sizeof(c));
  c.bJa = bJa;
  c.z = (const unsigned char*)z;
  c.n = n;
  *pzErr = 0;
  if( memchr(z, 0, (size_t)n) ){
    c.i = (int)((const char*)memchr(z, 0, (size_t)n) - z);
    jcSyntax(&c, X1060_MSG_JSON_NUL);
  }else if( jcValue(&c)==SQLITE_OK ){
    while( c.rc==SQLITE_OK && c.nFrame>0 ) jcMember(&c);
    if( c.rc==SQLITE_OK ){
      jcSpace(&c);
      if( c.i<c.n ) jcSyntax(&c, X1060_MSG_JSON_TRAILING);
    }
  }
  sqlite3_free(c.aKey);
  sqlite3_free(c.aTmp);
  *pzErr = c.zErr;
  return c.rc;
}


/*
** Walking a checked text (x1060JsonCheck said SQLITE_OK): the members of
** an object, the elements of an array, as spans of the text.
*/

/* The end of the value that starts at z[i], in a checked text of n bytes. */
static int jsonValueEnd(const char *z, int n, int i){
  int nDepth = 0;
  do{
    char c = z[i];
    if( c=='"' ){
      for(i++; i<n && z[i]!='"'; i++){
        if( z[i]=='\\' ) i++;
      }
      i++;
    }else if( c=='{' || c=='[' ){
      nDepth++;
      i++;
    }else if( c=='}' || c==']' ){
      nDepth--;
      i++;
    }else if( nDepth==0 ){
      while( i<n && z[i]!=',' && z[i]!='}' && z[i]!=']' && z[i]!=' '
          && z[i]!='\t' && z[i]!='\n' && z[i]!='\r' ){
        i++;
      }
    }else{
      i++;
    }
  }while( nDepth>0 && i<n );
  return i;
}

/* Start walking the object or array whose text starts at z[i] ('{' or
** '[') in checked text z of n bytes. */
void x1060JsonItemsBegin(X1060JsonItems *p, const char *z, int n, int i){
  memset(p, 0, sizeof(*p));
  p->z = z;
  p->n = n;
  p->bArray = z[i]=='[';
  p->iNext = i+1;
  p->iIndex = -1;
  p->iKey = -1;
}

/* Read the next member or element: 1, its spans in *p; 0 at the end. */
int x1060JsonItemsNext(X1060JsonItems *p){
  const char *z = p->z;
  int i = x1060JsonSkipSpace(z, p->n, p->iNext);
  if( i>=p->n || z[i]=='}' || z[i]==']' ) return 0;
  if( z[i]==',' ) i = x1060JsonSkipSpace(z, p->n, i+1);
  if( !p->bArray ){
    p->iKey = i;
    p->nKey = jsonValueEnd(z, p->n, i) - i;
    i = x1060JsonSkipSpace(z, p->n, i + p->nKey) + 1;    /* past the ':' */
    i = x1060JsonSkipSpace(z, p->n, i);
  }
  p->iValue = i;
  p->nValue = jsonValueEnd(z, p->n, i) - i;
  p->iNext = i + p->nValue;
  p->iIndex++;
  return 1;
}

/* The JSON type of the value of n bytes at z, as json_each names it:
** object, array, text, integer, real, true, false or null. */
const char *x1060JsonType(const char *z, int n){
  switch( z[0] ){
    case '{': return "object";
    case '[': return "array";
    case '"': return "text";
    case 't': return "true";
    case 'f': return "false";
    case 'n': return "null";
  }
  while( n-- > 0 ){
    if( z[n]=='.' || z[n]=='e' || z[n]=='E' ) return "real";
  }
  return "integer";
}

/* The text of the checked JSON string whose opening quote is z[0] (n bytes
** with its quotes), decoded, from sqlite3_malloc64; NULL on OOM. */
char *x1060JsonString(const char *z, int n){
  const unsigned char *u = (const unsigned char*)z;
  char *zOut = sqlite3_malloc64((sqlite3_uint64)n + 1);
  int i = 1, nOut = 0, c, eWhy = 0;
  if( zOut==0 ) return 0;
  while( (c = jcChar(u, n, &i, &eWhy))>=0 ){
    nOut += jsonUtf8(zOut + nOut, (unsigned)c);
  }
  zOut[nOut] = 0;
  return zOut;
}
