# Run every tests/*.test in a fresh tclsh, from the repository root.
#
#   tclsh tests/all.tcl              all files
#   tclsh tests/all.tcl refdata      only files whose names contain "refdata"
#   X1060_TEST_DIR=dir tclsh tests/all.tcl   the *.test files of dir
#
# With X1060_TEST_WRAPPER set (e.g. "valgrind -q --error-exitcode=99"),
# each file runs under that command; with X1060_TEST_PRELOAD, its tclsh
# runs with those libraries preloaded (the sanitizer runtimes).  Prints each
# file's count, lists every skipped case with its reason (the lines a file
# prints with skip_test), names every failing case, ends with "N passed, N
# failed", exits non-zero on failure.

set testdir [file normalize [file dirname [info script]]]
cd [file dirname $testdir]

set wrapper {}
if {[info exists env(X1060_TEST_WRAPPER)]} { set wrapper $env(X1060_TEST_WRAPPER) }

# X1060_TEST_DIR runs another folder's files (harness.test uses it).
set filedir $testdir
if {[info exists env(X1060_TEST_DIR)]} { set filedir $env(X1060_TEST_DIR) }
set files [lsort [glob -directory $filedir *.test]]
if {[llength $argv]} {
  set chosen {}
  foreach f $files {
    foreach pat $argv {
      if {[string first $pat [file tail $f]] >= 0} { lappend chosen $f; break }
    }
  }
  set files $chosen
}

set nPass 0
set nFail 0
set failed {}
set skipped {}
foreach f $files {
  set t0 [clock milliseconds]
  if {[info exists env(X1060_TEST_PRELOAD)]} {
    set env(LD_PRELOAD) $env(X1060_TEST_PRELOAD)
  }
  set rc [catch { exec {*}$wrapper [info nameofexecutable] $f 2>@1 } out]
  catch { unset env(LD_PRELOAD) }
  set ms [expr {[clock milliseconds] - $t0}]
  set counted [regexp -all -inline -line {^(\d+) passed, (\d+) failed$} $out]
  if {[llength $counted] >= 3} {
    set p [lindex $counted end-1]
    set q [lindex $counted end]
  } else {
    set p 0
    set q 0
  }
  foreach line [split $out "\n"] {
    if {[regexp {^! (\S+) expected:} $line -> case]} { lappend failed $case }
    if {[regexp {^(\S+): skipped: (.*)$} $line -> case why]} {
      lappend skipped "$case: $why"
    }
  }
  # A file that crashed, was stopped by the wrapper or printed no count
  # fails as a whole, with its output shown.
  if {$rc && $q == 0 || [llength $counted] < 3} {
    incr q
    lappend failed "[file tail $f] (exit status or missing count)"
    puts [join [lrange [split $out "\n"] end-40 end] "\n"]
  }
  incr nPass $p
  incr nFail $q
  puts [format "%-24s %5d passed, %d failed  (%d ms)" [file tail $f] $p $q $ms]
}
if {[llength $skipped]} {
  puts "Skipped ([llength $skipped]):"
  foreach c $skipped { puts "  $c" }
}
if {[llength $failed]} {
  puts "Failing cases:"
  foreach c $failed { puts "  $c" }
}
puts "$nPass passed, $nFail failed"
exit [expr {$nFail ? 1 : 0}]
