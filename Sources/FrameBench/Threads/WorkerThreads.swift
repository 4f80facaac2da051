#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body(0)` on the calling thread and `body(1)` … `body(count − 1)` on new POSIX
/// threads, and returns when all have finished. Threads are made and joined outside any
/// timed region. When the process may use at least `count` CPUs, thread `k` is pinned to
/// the `k`-th of them for the duration (the caller's mask is restored afterwards).
enum WorkerThreads {
    private final class Start {
        let body: @Sendable (Int) -> Void
        let index: Int
        let cpu: Int?
        init(_ body: @escaping @Sendable (Int) -> Void, _ index: Int, _ cpu: Int?) {
            self.body = body
            self.index = index
            self.cpu = cpu
        }
    }

    static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1 else {
            body(0)
            return
        }
        #if canImport(Glibc)
        let saved = CPUAffinity.current()
        let cpus = saved.map(CPUAffinity.cpus(in:)) ?? []
        let pinned = cpus.count >= count
        #else
        let cpus: [Int] = [], pinned = false
        #endif
        var threads: [pthread_t] = []
        for index in 1..<count {
            let start = Unmanaged.passRetained(Start(body, index, pinned ? cpus[index] : nil)).toOpaque()
            var thread = pthread_t()
            let status = pthread_create(
                &thread, nil,
                { raw in
                    let start = Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue()
                    #if canImport(Glibc)
                    if let cpu = start.cpu { CPUAffinity.pin(to: cpu) }
                    #endif
                    start.body(start.index)
                    return nil
                }, start)
            precondition(status == 0, "pthread_create failed: \(status)")
            threads.append(thread)
        }
        #if canImport(Glibc)
        if pinned { CPUAffinity.pin(to: cpus[0]) }
        #endif
        body(0)
        for thread in threads { pthread_join(thread, nil) }
        #if canImport(Glibc)
        if pinned, let saved { CPUAffinity.apply(saved) }
        #endif
    }
}
