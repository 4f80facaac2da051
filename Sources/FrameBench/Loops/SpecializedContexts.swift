// The one list of the types the per-frame loops are compiled for.
//
// Swift needs an `@_specialize` attribute on each generic loop function; they are not
// written by hand but generated from the list below by `scripts/generate-specializations.py`
// (run it after editing the list; `--check` fails when a loop file is out of date). It
// rewrites the lines between `// BEGIN GENERATED …` and `// END GENERATED` in the loop files.
//
// Each `loop` line names a loop type, its generic parameter and how a backend context
// becomes that parameter's type (`{}` is the context). Each `backend` line names a context
// type and the loops specialised for it; each `work` line a non-backend type for a loop.
// Order matters: the generic entry compares its type against the copies in list order.
//
// Why these sets:
// - FrameLoops (frames suite, layer `aead`): OpenSSL and sodium only. `swift-crypto` is
//   deliberately not listed: it allocates on every frame anyway, and with a third copy
//   LLVM's function merging folded the sodium copy into a shared body that calls through a
//   function pointer, which changed what sodium's Swift/C ratio measures.
// - SFrameLoops (overhead suite, key-count study): every registered context type FrameBench
//   compiles against but swift-crypto, as above, so the backend call is direct.
// - MeetingLoops (meeting suite, harness layer): the keyring work of OpenSSL and sodium, and
//   `NullWork` (crypto made no-ops, the harness share). Its
//   `instantiateDispatchMetadata()` lists the same types, generated too.
//
// BEGIN specialization list
// loop    FrameLoops    Context  {}
// loop    SFrameLoops   Context  {}
// loop    MeetingLoops  W        KeyringWork<{}>
// backend OpenSSLContext                 FrameLoops SFrameLoops MeetingLoops
// backend SodiumContext                  FrameLoops SFrameLoops MeetingLoops
// backend OpenSSLColdContext             SFrameLoops
// backend OpenSSLPlaceholderContext      SFrameLoops
// backend SodiumNoPrecomputationContext  SFrameLoops
// work    NullWork                       MeetingLoops
// END specialization list
