#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body(0)` on the calling thread and `body(1)` … `body(count − 1)` on new POSIX
/// threads, and returns when all have finished. Threads are made and joined outside any
/// timed region.
enum WorkerThreads {
    private final class Start {
        let body: @Sendable (Int) -> Void
        let index: Int
        init(_ body: @escaping @Sendable (Int) -> Void, _ index: Int) {
            self.body = body
            self.index = index
        }
    }

    static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            body(0)
            return
        }
        var threads: [pthread_t] = []
        for index in 1..<count {
            let start = Unmanaged.passRetained(Start(body, index)).toOpaque()
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { raw in
                let start = Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue()
                start.body(start.index)
                return nil
            }, start)
            precondition(status == 0, "pthread_create failed: \(status)")
            threads.append(thread)
        }
        body(0)
        for thread in threads { pthread_join(thread, nil) }
    }
}
