"""The program that runs inside the sandbox, around the student's code.

The service compiles these modules once (and calls `checks.compile_tests` to compile the
hidden tests once per exercise) but never runs them. It sends the code objects through the
control descriptor; a bootstrap executes them in the child interpreter (`python -I -S`),
each with a private copy of the builtins, registers them under their dotted names only long
enough for them to import one another, and removes them from `sys.modules` before any
student code runs. They may use nothing but the standard library.

Trust model. Student code runs in this same process, so everything the harness needs after
the student's code has started is protected in three ways:

* Pristine references. Module functions the harness calls later (os.write, marshal.dumps,
  ...) are captured at import, and bare builtin names resolve in the private builtins, so
  monkeypatching `builtins`, `os`, `marshal` or `sys` cannot change what the harness does.
* No path to the secrets. The per-run key, the result descriptor and the hidden tests live
  only in locals of harness frames. The audit hook (`guard.py`) refuses every way Python
  offers to reach a frame or an arbitrary object (sys._getframe, sys._current_frames,
  settrace, setprofile, gc.get_objects/get_referrers/get_referents, tb_frame/gi_frame/
  cr_frame/ag_frame outside the traceback module's own formatting, ctypes, /proc,
  sub-interpreters) and refuses to start other programs, which would run without the hook.
* Signals cannot hand out frames. Student code runs only in a worker thread; Python lets
  only the main thread install signal handlers, and the main thread (the watchdog) never
  runs student code. In a process forked by student code the key is zeroed and the result
  descriptor closed before the student's code resumes.

Results travel on a dedicated pipe as frames `length | MAC | marshal(payload)`, the MAC
being keyed BLAKE2b over a sequence number and the payload, so reading or redirecting the
pipe reveals nothing that would let student code write a frame of its own. Stdout and
stderr belong to the student.

Known limits of the in-process guard, documented rather than fixed:

* A student object that compares equal to everything (`__eq__` returning True) passes an
  `assert f(x) == y`, as it would under any assert-based grader.
* A path-like object whose `__fspath__` answers differently on each call can make the
  guard check one path and open another. In bwrap mode the mount namespace (no /proc, a
  read-only view of the system) is the wall; in rlimits mode this is one reason the guard
  is only defence in depth.
* A finalizer (`__del__`) of a student object could in principle run in the watchdog
  thread if that thread triggered garbage collection; the watchdog avoids allocating
  while the worker runs, which makes this impractical rather than impossible.
"""

CHILD_MODULES = ("report", "guard", "checks", "runner")
