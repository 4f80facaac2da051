// The one list of the types the per-frame loops are compiled for.
//
// Swift needs an `@_specialize` attribute on each generic loop function; they are not
// written by hand but generated from the list below by `scripts/generate-specializations.py`
// (run it after editing the list; `--check` fails when a loop file is out of date). It
// rewrites the lines between `// BEGIN GENERATED …` and `// END GENERATED` in the loop files.
//
// Each `loop` line names a loop type, its generic parameter and how a backend context
// becomes that parameter's type (`{}` is the context). The `registry` line gives every context
// type of `BackendRegistry.all` and `.variants` (FrameCrypto) the loops it names, so a new
// backend's registry line is all it takes (then run the script); a `backend` line would name
// one context and its loops; each `work` line a non-backend type for a loop.
// Order matters: the generic entry compares its type against the copies in list order.
//
// Why these sets: every context type the registry lists (BackendRegistry.all and .variants)
// gets every loop, so each backend's frames, SFrame and meeting loops call it directly;
// `scripts/check-specializations.py` fails the perf gate when the release binary lacks one,
// or when one was merged into a shared body. FrameBench is compiled with LLVM's function
// merging off (`-disable-llvm-merge-functions-pass`, Package.swift): with it on, copies that
// differ only in the backend they call were folded into one body calling through a
// function pointer (sodium's into openssl's meeting loop; the variants' into their default's).
// `NullWork` (crypto made no-ops, the meeting harness share) is the one non-backend type.
//
// BEGIN specialization list
// loop    FrameLoops    Context  {}
// loop    SFrameLoops   Context  {}
// loop    MeetingLoops  W        KeyringWork<{}>
// registry FrameLoops SFrameLoops MeetingLoops
// work    NullWork                       MeetingLoops
// END specialization list
