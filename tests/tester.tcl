# x1060 test harness, in the style of SQLite's test/tester.tcl.
#
# SQLite's own tester.tcl needs the C commands of its testfixture, which
# Debian's Tcl binding lacks; this file keeps its procedure names and
# matching rules so that test files read the same:
#
#   do_test NAME SCRIPT EXPECTED
#   do_execsql_test NAME SQL EXPECTED
#   do_catchsql_test NAME SQL {RC MESSAGE}
#   do_eqp_test NAME SQL EXPECTED      (the EXPLAIN QUERY PLAN tree)
#   execsql SQL ?DB?, catchsql SQL ?DB?, reset_db, finish_test
#
# EXPECTED matches as in SQLite: /regexp/, *glob*, ~negated, or else the
# result as a Tcl list.  Each file ends with "N passed, N failed".
#
# Usage in a test file:
#   set testdir [file dirname $argv0]
#   source $testdir/tester.tcl
#   set testprefix refdata

# tools/test-versions runs the suite on other SQLite versions: their Tcl
# package is then named by X1060_TCLSQLITE.
# sqlite_package is the command that loads it, for child scripts.
if {[info exists env(X1060_TCLSQLITE)]} {
  set sqlite_package [list load $env(X1060_TCLSQLITE) Sqlite3]
} else {
  set sqlite_package [list package require sqlite3]
}
eval $sqlite_package

set testdir [file normalize [file dirname [info script]]]
set rootdir [file dirname $testdir]
set x1060_ext [file join $rootdir x1060]
# make test-asan runs the suite on another build of the extension, with the
# sanitizer runtimes preloaded into this process only (not into the
# programs the tests start).
if {[info exists env(X1060_EXT)]} { set x1060_ext $env(X1060_EXT) }
# The extension that other programs (the shell, Python, Node.js, isql,
# x1060-gen) load: the one under test, except under make test-asan, whose
# sanitizer runtimes are preloaded into this process only: they get the
# ordinary build.
proc child_ext {} {
  if {$::x1060_preload ne ""} { return [file join $::rootdir x1060] }
  return $::x1060_ext
}

# The program that links x1060 into SQLite (tests/embed.c): build/embed, or
# the one built from the one-file distribution (make test-dist).
set x1060_embed [file join $rootdir build embed]
if {[info exists env(X1060_EMBED)]} { set x1060_embed $env(X1060_EMBED) }
set x1060_preload ""
if {[info exists env(LD_PRELOAD)]} {
  set x1060_preload $env(LD_PRELOAD)
  unset env(LD_PRELOAD)
}

# Run another tclsh (that loads the extension under test) on script file f.
proc exec_tclsh {f args} {
  if {$::x1060_preload ne ""} { set ::env(LD_PRELOAD) $::x1060_preload }
  set rc [catch { exec [info nameofexecutable] $f {*}$args } out]
  catch { unset ::env(LD_PRELOAD) }
  if {$rc} { error $out }
  set out
}
set builddir [file join $rootdir build]
set testprefix ""

set ::nPass 0
set ::nFail 0
set ::failList {}

# The scratch database of this test process.
file mkdir [file join $builddir testdb]
set ::testdb [file join $builddir testdb "[file rootname [file tail $argv0]]-[pid].db"]

# Delete database file zFile and its journals.
proc forcedelete {args} {
  foreach f $args {
    foreach g [list $f $f-journal $f-wal $f-shm] { file delete -force $g }
  }
}

# Load the extension into connection dbh (a Tcl sqlite3 command).
proc load_x1060 {{dbh db}} {
  $dbh enable_load_extension 1
  $dbh eval { SELECT load_extension($::x1060_ext, 'sqlite3_x1060_init') }
}

# Close db, delete the scratch database and open a fresh one with x1060.
proc reset_db {} {
  catch { db close }
  forcedelete $::testdb
  sqlite3 db $::testdb
  load_x1060 db
}

proc execsql {sql {dbh db}} {
  uplevel [list $dbh eval $sql]
}

proc catchsql {sql {dbh db}} {
  set rc [catch { uplevel [list $dbh eval $sql] } res]
  list $rc $res
}

# The name of a test, with the file's prefix when it has none.
proc fix_testname {name} {
  if {$::testprefix ne "" && [string is double -strict [string index $name 0]]} {
    return "$::testprefix-$name"
  }
  return $name
}

# True if result matches expected by SQLite's rules.
proc result_matches {result expected} {
  if {[string index $expected 0] eq "~"} {
    return [expr {![result_matches $result [string range $expected 1 end]]}]
  }
  if {[string length $expected] > 1 && [string index $expected 0] eq "/"
      && [string index $expected end] eq "/"} {
    return [regexp -- [string range $expected 1 end-1] $result]
  }
  if {[string length $expected] > 1 && [string index $expected 0] eq "*"
      && [string index $expected end] eq "*"} {
    return [string match $expected $result]
  }
  if {$result eq $expected} { return 1 }
  if {[catch { set a [list {*}$result]; set b [list {*}$expected] }]} {
    return 0
  }
  return [expr {$a eq $b}]
}

# Run script (in the caller's caller) and say whether its result matches
# expected; the result, or "error: ..." when it raised one, goes to
# resultVar.  An error never matches a negated pattern (~...): a test that
# says what must not appear has not shown it when nothing appeared at all.
proc test_passes {script expected resultVar} {
  upvar $resultVar result
  set bError [catch { uplevel 2 $script } result]
  if {$bError} { set result "error: $result" }
  if {$bError && [string index $expected 0] eq "~"} { return 0 }
  return [result_matches $result $expected]
}

proc do_test {name script expected} {
  set name [fix_testname $name]
  if {[test_passes $script $expected result]} {
    incr ::nPass
  } else {
    incr ::nFail
    lappend ::failList $name
    puts "! $name expected: \[$expected\]"
    puts "! $name got:      \[$result\]"
  }
}

proc do_execsql_test {name sql expected} {
  if {![regexp {^[/*~]} [string trim $expected]]} {
    set expected [list {*}$expected]
  }
  uplevel 1 [list do_test $name [list execsql $sql] $expected]
}

proc do_catchsql_test {name sql expected} {
  uplevel 1 [list do_test $name [list catchsql $sql] $expected]
}

# The EXPLAIN QUERY PLAN of sql as SQLite's shell draws it.
proc query_plan_graph {sql {dbh db}} {
  set rows {}
  $dbh eval "EXPLAIN QUERY PLAN $sql" {
    lappend rows $id $parent $detail
  }
  set lines [list "QUERY PLAN"]
  plan_children $rows 0 "" lines
  join $lines "\n"
}
proc plan_children {rows parent prefix linesVar} {
  upvar $linesVar lines
  set kids {}
  foreach {id p detail} $rows {
    if {$p == $parent} { lappend kids $id $detail }
  }
  set n [expr {[llength $kids] / 2}]
  set i 0
  foreach {id detail} $kids {
    incr i
    set last [expr {$i == $n}]
    lappend lines "$prefix[expr {$last ? {`--} : {|--}}]$detail"
    plan_children $rows $id "$prefix[expr {$last ? {   } : {|  }}]" lines
  }
}

proc do_eqp_test {name sql expected} {
  set expected [string trim $expected]
  if {![regexp {^[/*~]} $expected]} {
    set trimmed {}
    foreach line [split $expected "\n"] { lappend trimmed [string trim $line] }
    set expected [join $trimmed "\n"]
  }
  uplevel 1 [list do_test $name [list query_plan_graph $sql] $expected]
}

# Run script only when the running SQLite is version v (e.g. 3044000) or newer.
proc ifversion {v script} {
  if {[db one {SELECT sqlite_version()}] ne ""} {
    scan [db one {SELECT sqlite_version()}] %d.%d.%d a b c
    if {$a*1000000 + $b*1000 + $c >= $v} { uplevel 1 $script }
  }
}

# Say that the cases named by name were not run, and why (what to install).
# tests/all.tcl lists every such line before its closing count.
proc skip_test {name reason} {
  puts "[fix_testname $name]: skipped: $reason"
}

# Whether the suite runs under valgrind (make test-valgrind): the sections
# that only show scale (10,000 CDCs) are left out there, saying so; their
# code paths are those of the small cases, which valgrind sees, and the
# plain, ASan and one-file runs keep them.
proc under_valgrind {} {
  expr {[info exists ::env(X1060_TEST_WRAPPER)]
        && [string match *valgrind* $::env(X1060_TEST_WRAPPER)]}
}

proc finish_test {} {
  catch { db close }
  forcedelete $::testdb
  set total [expr {$::nPass + $::nFail}]
  puts "$::nFail errors out of $total tests"
  if {$::nFail} { puts "Failures on these tests: $::failList" }
  puts "$::nPass passed, $::nFail failed"
  exit [expr {$::nFail ? 1 : 0}]
}

reset_db
