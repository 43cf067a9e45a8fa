/*
** x1060: a small JSON reader for the answers of x1060_score().
**
** Reads a JSON text into a flat array of nodes (objects, strings, booleans,
** null, numbers) with parent links, so that callers can walk an object's
** members.  Limits: X1060_JSON_MAX_NODE nodes and X1060_JSON_MAX_DEPTH
** levels of nesting; anything larger is an error, not a deep recursion.
** Strings are decoded (escapes, \uXXXX to UTF-8) into one buffer.
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

static void jsonSpace(JsonParse *p){
  while( p->i<p->n && (p->z[p->i]==' ' || p->z[p->i]=='\t'
                    || p->z[p->i]=='\n' || p->z[p->i]=='\r') ){
    p->i++;
  }
}

/* Set the error message (the first one wins); return SQLITE_ERROR. */
static int jsonFail(JsonParse *p, const char *zWhat){
  if( p->pOut->zErr==0 ){
    p->pOut->zErr = sqlite3_mprintf("%s at character %d", zWhat, p->i+1);
  }
  return SQLITE_ERROR;
}

/* Append a UTF-8 encoding of code point c to the string buffer. */
static void jsonPutUtf8(JsonParse *p, unsigned c){
  if( c<0x80 ){
    p->zBuf[p->nBuf++] = (char)c;
  }else if( c<0x800 ){
    p->zBuf[p->nBuf++] = (char)(0xC0 | (c>>6));
    p->zBuf[p->nBuf++] = (char)(0x80 | (c&0x3F));
  }else{
    p->zBuf[p->nBuf++] = (char)(0xE0 | (c>>12));
    p->zBuf[p->nBuf++] = (char)(0x80 | ((c>>6)&0x3F));
    p->zBuf[p->nBuf++] = (char)(0x80 | (c&0x3F));
  }
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
    if( c<0x20 ) return jsonFail(p, "a control character inside a string");
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
        unsigned c2 = 0;
        int k;
        for(k=1; k<=4; k++){
          char h = p->i+k<p->n ? p->z[p->i+k] : 0;
          if( h>='0' && h<='9' ) c2 = c2*16 + (h-'0');
          else if( h>='a' && h<='f' ) c2 = c2*16 + (h-'a'+10);
          else if( h>='A' && h<='F' ) c2 = c2*16 + (h-'A'+10);
          else return jsonFail(p, "a bad \\u escape");
        }
        if( c2==0 ) return jsonFail(p, "a NUL character inside a string");
        jsonPutUtf8(p, c2);
        p->i += 4;
        break;
      }
      default: return jsonFail(p, "a bad escape");
    }
  }
  return jsonFail(p, "an unterminated string");
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
  if( p->i>=p->n ) return jsonFail(p, "a missing value");
  z = p->z + p->i;
  if( *z=='{' ){
    if( iDepth>=X1060_JSON_MAX_DEPTH ) return jsonFail(p, "nesting too deep");
    if( (iNode = jsonNode(p, X1060_JSON_OBJECT, iParent))<0 ){
      return jsonFail(p, "too many values");
    }
    p->i++;
    jsonSpace(p);
    if( p->i<p->n && p->z[p->i]=='}' ){ p->i++; goto done; }
    while( rc==SQLITE_OK ){
      int iK, nK;
      jsonSpace(p);
      if( p->i>=p->n || p->z[p->i]!='"' ) return jsonFail(p, "a missing key");
      if( (rc = jsonString(p, &iK, &nK))!=SQLITE_OK ) return rc;
      jsonSpace(p);
      if( p->i>=p->n || p->z[p->i]!=':' ) return jsonFail(p, "a missing ':'");
      p->i++;
      rc = jsonValue(p, iNode, iK, iDepth+1);
      jsonSpace(p);
      if( rc==SQLITE_OK && p->i<p->n && p->z[p->i]==',' ){ p->i++; continue; }
      if( rc==SQLITE_OK && p->i<p->n && p->z[p->i]=='}' ){ p->i++; break; }
      if( rc==SQLITE_OK ) return jsonFail(p, "a missing ',' or '}'");
    }
  }else if( *z=='"' ){
    int iS, nS;
    if( (iNode = jsonNode(p, X1060_JSON_STRING, iParent))<0 ){
      return jsonFail(p, "too many values");
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
    if( *z=='[' ) return jsonFail(p, "an array (answers are true, false or "
                                     "words)");
    while( p->i<p->n && strchr("+-.eE0123456789", p->z[p->i]) ) p->i++;
  }else{
    return jsonFail(p, "an unexpected character");
  }
done:
  if( rc==SQLITE_OK && iNode<0 ) return jsonFail(p, "too many values");
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
  int rc;
  memset(pOut, 0, sizeof(*pOut));
  memset(&p, 0, sizeof(p));
  p.z = z;
  p.n = n;
  p.pOut = pOut;
  p.zBuf = pOut->zText = sqlite3_malloc64((sqlite3_uint64)n + 1);
  if( p.zBuf==0 ) return SQLITE_NOMEM;
  if( memchr(z, 0, n) ){
    return jsonFail(&p, "a NUL character");
  }
  rc = jsonValue(&p, -1, -1, 0);
  jsonSpace(&p);
  if( rc==SQLITE_OK && p.i<p.n ) rc = jsonFail(&p, "text after the value");
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
