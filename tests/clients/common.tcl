# Shared by clients.test and packages.test: the client queries and what
# they must print, from this connection (the reference) with the extension
# and one without (as a BI tool).

# The statements of file f, one a line.
proc statements {f} {
  set fd [open $f]
  fconfigure $fd -encoding utf-8
  set out {}
  foreach line [split [read $fd] "\n"] {
    set line [string trim $line]
    if {$line ne "" && ![string match "--*" $line]} { lappend out $line }
  }
  close $fd
  set out
}
# What Tcl prints for the statements of file f on connection dbh: each row
# as values joined by '|', a failing statement as "error: message".
proc reference {dbh f} {
  set out {}
  foreach sql [statements $f] {
    if {[catch {
      $dbh eval $sql r {
        set vals {}
        foreach c $r(*) { lappend vals $r($c) }
        lappend out [join $vals |]
      }
    } msg]} {
      lappend out "error: $msg"
    }
  }
  set out
}
# A fresh database file for client name.
proc clientdb {name} {
  set f [file join $::builddir testdb "client-$name-[pid].db"]
  forcedelete $f
  set f
}
proc lines {text} { split [string trimright $text "\n"] "\n" }

# The reference output of the client queries (queries.sql) with x1060 in
# this process, and of the BI queries (bi_queries.sql) without it, in a
# fresh database each: sets ::expected and ::expectedBi.
proc client_reference {} {
  set ref [clientdb tcl]
  sqlite3 rdb $ref
  load_x1060 rdb
  set ::expected [reference rdb $::qfile]
  rdb close
  sqlite3 rdb $ref
  set ::expectedBi [reference rdb $::bifile]
  rdb close
}
