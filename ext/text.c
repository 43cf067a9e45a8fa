/*
** x1060: text as SQLite hands it over: UTF-8 checked character by
** character, control characters found, and any value described for an
** error message (quoted, cut, always printable UTF-8).
**
** The lowest file of ext/LAYERS, so it defines sqlite3_api
** (SQLITE_EXTENSION_INIT1), which the entry point (x1060.c) sets; every
** other file declares it (INIT3).
*/
#include "x1060_int.h"
#include <string.h>

SQLITE_EXTENSION_INIT1

/* Length of the valid UTF-8 character at z (n>0 bytes left), or 0 for a
** byte that does not start one: a stray continuation byte, a truncated
** sequence, an overlong form, a surrogate (U+D800..U+DFFF) or a code
** point above U+10FFFF. */
int x1060Utf8CharLength(const unsigned char *z, int n){
  int nc = z[0]<0x80 ? 1 : (z[0]&0xE0)==0xC0 ? 2 : (z[0]&0xF0)==0xE0 ? 3
         : (z[0]&0xF8)==0xF0 ? 4 : 0;
  int i;
  if( nc==0 || nc>n || (nc==2 && z[0]<0xC2) ) return 0;
  for(i=1; i<nc; i++){
    if( (z[i]&0xC0)!=0x80 ) return 0;
  }
  if( nc==3 && ((z[0]==0xE0 && z[1]<0xA0) || (z[0]==0xED && z[1]>=0xA0)) ){
    return 0;
  }
  if( nc==4 && ((z[0]==0xF0 && z[1]<0x90) || z[0]>0xF4
             || (z[0]==0xF4 && z[1]>=0x90)) ){
    return 0;
  }
  return nc;
}

/* True if the character of nc bytes at z is a control character: C0
** (U+0000..U+001F), DEL, C1 (U+0080..U+009F), or a bidirectional
** embedding, override or isolate (U+202A..U+202E, U+2066..U+2069), which
** make text read otherwise than it is stored. */
int x1060IsControl(const unsigned char *z, int nc){
  return (nc==1 && (z[0]<0x20 || z[0]==0x7F))
      || (nc==2 && z[0]==0xC2 && z[1]<0xA0)
      || (nc==3 && z[0]==0xE2 && z[1]==0x80 && z[2]>=0xAA && z[2]<=0xAE)
      || (nc==3 && z[0]==0xE2 && z[1]==0x81 && z[2]>=0xA6 && z[2]<=0xA9);
}

/* True if the n bytes of z are valid UTF-8. */
int x1060Utf8Valid(const char *z, int n){
  const unsigned char *p = (const unsigned char*)z;
  int i = 0, nc;
  while( i<n ){
    if( p[i]<0x80 ){ i++; continue; }
    if( (nc = x1060Utf8CharLength(p+i, n-i))==0 ) return 0;
    i += nc;
  }
  return 1;
}

/* True if the n bytes of z are valid UTF-8 without control characters
** but those in zAllowed (e.g. "\t\n", or ""). */
int x1060CleanText(const char *z, int n, const char *zAllowed){
  const unsigned char *p = (const unsigned char*)z;
  int i = 0;
  while( i<n ){
    int nc = x1060Utf8CharLength(p+i, n-i);
    if( nc==0 ) return 0;
    if( x1060IsControl(p+i, nc) && (nc!=1 || p[i]==0
                                    || strchr(zAllowed, p[i])==0) ){
      return 0;
    }
    i += nc;
  }
  return 1;
}

/*
** Append text z (n bytes) to pStr as an SQL string literal of at most
** nMax characters: quotes doubled, control characters and bytes that are
** not UTF-8 written as \xNN, "... (cut)" after a cut.  The message stays
** valid, printable UTF-8 whatever the input.
*/
static void appendQuoted(sqlite3_str *pStr, const unsigned char *z, int n,
                         int nMax){
  int i = 0, nChar = 0;
  sqlite3_str_appendchar(pStr, 1, '\'');
  while( i<n && nChar<nMax ){
    int nc = x1060Utf8CharLength(z+i, n-i);
    if( nc==0 || x1060IsControl(z+i, nc) ){
      sqlite3_str_appendf(pStr, "\\x%02X", z[i]);
      nc = 1;
    }else if( z[i]=='\'' ){
      sqlite3_str_appendall(pStr, "''");
    }else{
      sqlite3_str_append(pStr, (const char*)z+i, nc);
    }
    i += nc;
    nChar++;
  }
  sqlite3_str_appendchar(pStr, 1, '\'');
  if( i<n ) sqlite3_str_appendall(pStr, "... (cut)");
}

/* Text z of n bytes described as x1060DescribeValueIn describes a text
** value, from sqlite3_mprintf (NULL on OOM). */
char *x1060DescribeText(const char *z, int n){
  sqlite3_str *pStr = sqlite3_str_new(0);
  appendQuoted(pStr, (const unsigned char*)z, n, 40);
  return sqlite3_str_finish(pStr);
}

/*
** A description of value v for error messages, in Japanese when bJa, from
** sqlite3_mprintf (the caller frees it; NULL on OOM): text is quoted and
** cut to 40 characters, other types are named with their value.
*/
char *x1060DescribeValueIn(sqlite3_value *v, int bJa){
  sqlite3_str *pStr = sqlite3_str_new(0);
  switch( sqlite3_value_type(v) ){
    case SQLITE_INTEGER:
      sqlite3_str_appendf(pStr, bJa ? "整数 %lld" : "integer %lld",
                          sqlite3_value_int64(v));
      break;
    case SQLITE_FLOAT:
      sqlite3_str_appendf(pStr, bJa ? "実数 %!.15g" : "real %!.15g",
                          sqlite3_value_double(v));
      break;
    case SQLITE_BLOB:
      sqlite3_str_appendf(pStr, bJa ? "%d バイトの BLOB" : "a blob of %d byte%s",
                          sqlite3_value_bytes(v),
                          sqlite3_value_bytes(v)==1 ? "" : "s");
      break;
    case SQLITE_NULL:
      sqlite3_str_appendall(pStr, "NULL");
      break;
    default: {
      const unsigned char *z = sqlite3_value_text(v);
      if( z ) appendQuoted(pStr, z, sqlite3_value_bytes(v), 40);
      break;
    }
  }
  return sqlite3_str_finish(pStr);
}

/*
** Append text z (NULL: nothing) for format eFmt (X1060_FMT_*) so that nothing in it is live: no markup,
** no link, no image, no escape sequence for a terminal.
**   all formats: a control character (C0 but those below, DEL, C1) as
**     \u001B, a byte that is not UTF-8 as \xFF, so that the output is
**     valid, printable UTF-8 whatever the data;
**   HTML: & < > " ' as entities, a line break as <br>;
**   Markdown: & < > as entities; every character that makes Markdown
**     (links, images, emphasis, code, headings, tables) backslashed, and
**     "://", '@' and "www." too, so that no URL or address becomes a link;
**     line breaks and tabs as spaces (a table row is one line);
**   JSON: '"' and '\' backslashed, controls as \u00XX.
*/
void x1060AppendEscapedN(sqlite3_str *pOut, int eFmt, const char *z, int n){
  const unsigned char *p = (const unsigned char*)z;
  int i = 0;
  while( i<n ){
    int nc = x1060Utf8CharLength(p+i, n-i);
    unsigned c = p[i];
    if( nc==0 ){
      /* (JSON has no \x: the replacement character stands for the byte) */
      if( eFmt==X1060_FMT_JSON ) sqlite3_str_appendall(pOut, "\\ufffd");
      else sqlite3_str_appendf(pOut, "\\x%02X", c);
      i++;
      continue;
    }
    if( (c=='\n' || c=='\r' || c=='\t') && eFmt!=X1060_FMT_JSON ){
      sqlite3_str_appendall(pOut, eFmt==X1060_FMT_HTML && c=='\n' ? "<br>"
                                  : eFmt==X1060_FMT_HTML && c=='\t' ? "\t" : " ");
    }else if( x1060IsControl(p+i, nc) ){
      sqlite3_str_appendf(pOut, "\\u%04X", nc==1 ? c : (unsigned)p[i+1]);
    }else if( eFmt==X1060_FMT_JSON ){
      if( c=='"' || c=='\\' ) sqlite3_str_appendchar(pOut, 1, '\\');
      sqlite3_str_append(pOut, (const char*)p+i, nc);
    }else if( c=='&' ){
      sqlite3_str_appendall(pOut, "&amp;");
    }else if( c=='<' ){
      sqlite3_str_appendall(pOut, "&lt;");
    }else if( c=='>' ){
      sqlite3_str_appendall(pOut, "&gt;");
    }else if( eFmt==X1060_FMT_HTML && (c=='"' || c=='\'') ){
      sqlite3_str_appendall(pOut, c=='"' ? "&quot;" : "&#39;");
    }else if( eFmt==X1060_FMT_MARKDOWN && nc==1 && (strchr("\\`*_[]#!~|@", (int)c)
           || (c==':' && i+1<n && p[i+1]=='/')
           || (c=='.' && i>=3 && sqlite3_strnicmp(z+i-3, "www", 3)==0)) ){
      sqlite3_str_appendchar(pOut, 1, '\\');
      sqlite3_str_appendchar(pOut, 1, (char)c);
    }else{
      sqlite3_str_append(pOut, (const char*)p+i, nc);
    }
    i += nc;
  }
}

/* The same for all of z (NULL: nothing). */
void x1060AppendEscaped(sqlite3_str *pOut, int eFmt, const char *z){
  x1060AppendEscapedN(pOut, eFmt, z, z ? (int)strlen(z) : 0);
}
