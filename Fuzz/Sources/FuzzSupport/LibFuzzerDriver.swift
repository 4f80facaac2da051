import CLibFuzzer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A test function as libFuzzer calls it: the input's bytes and length.
public typealias FuzzTestFunction = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer's driver with the process's arguments and `test` as the function under
/// test, then exits with its status.
///
/// SwiftPM (tools version 5.5 and later) renames an executable's entry point and points
/// `main` at it, so libFuzzer's own `main` is never linked; each fuzzer's `main.swift`
/// therefore calls this from its top-level code instead.
public func runLibFuzzer(_ test: FuzzTestFunction) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}

/// A valid pointer for an empty input, should libFuzzer ever pass none.
public nonisolated(unsafe) let emptyFuzzInput = UnsafePointer<UInt8>(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))
