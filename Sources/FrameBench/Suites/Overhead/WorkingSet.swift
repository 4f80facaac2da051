import Foundation

/// The memory every layer of an overhead case processes its frames from
/// (`docs/overhead.md`, "Working sets"): how many bytes the case's layers touch between
/// writing a frame into its ring slot and sealing or opening it, sized from this CPU's caches
/// (``CacheSizes``) at run time. Every layer of a case gets the same ``RingGeometry``.
package enum WorkingSet: String, CaseIterable, Sendable, Codable {
    /// Each layer's ring is at most half the L1 data cache, and a part's frames are written
    /// just before they are read: the frame is in L1.
    case hot
    /// The case's rings together are half the L2, each frame read one lap after it was
    /// written: the frame comes from L2.
    case l2
    /// The rings together are half the last-level cache: the frame comes from the LLC, as a
    /// meeting receiver's frames do (the default; `docs/overhead.md` says why).
    case llc
    /// The rings together are four times the last-level cache: the frame comes from memory.
    case dram

    /// What a real receiver sees: frames that arrived since it last ran, evicted from L1
    /// and L2 by its other work but still in the last-level cache.
    package static let receiverDefault = WorkingSet.llc

    /// The bytes the case's rings add up to (for ``hot``: each layer's ring).
    package func targetBytes(_ caches: CacheSizes) -> Int {
        switch self {
        case .hot: caches.l1d / 2
        case .l2: caches.l2 / 2
        case .llc: caches.llc / 2
        case .dram: caches.llc * 4
        }
    }

    /// The ring every layer of a case gets: `layers` rings (every layer of every backend in
    /// the interleaved group) of frames of `frameSize` bytes after `headerBytes` of header.
    /// ``hot``: one layer's ring is at most half the L1 data cache (at least one slot),
    /// refilled just before it is read. The others: the `layers` rings together make the
    /// target, each frame read one lap after its refill, so the whole group's traffic lies in
    /// between.
    package func geometry(frameSize: Int, headerBytes: Int, layers: Int, caches: CacheSizes) -> RingGeometry {
        let stride = RingGeometry.stride(frameSize: frameSize)
        switch self {
        case .hot:
            return RingGeometry(frameSize: frameSize, headerBytes: headerBytes, slots: targetBytes(caches) / stride, refill: .beforeRead)
        case .l2, .llc, .dram:
            return RingGeometry(
                frameSize: frameSize, headerBytes: headerBytes, slots: targetBytes(caches) / (max(layers, 1) * stride),
                refill: .afterRead)
        }
    }

    /// The bytes a record reports for `geometry` in a group of `layers` rings: between a
    /// frame's refill and its read, one ring (``hot``: a part of it) or all of them.
    package func footprint(_ geometry: RingGeometry, layers: Int) -> Int {
        self == .hot ? geometry.ringBytes : geometry.ringBytes * max(layers, 1)
    }
}

extension WorkingSet {
    /// `bytes` for a reader: `24 KiB`, `15.9 MiB`.
    package static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20 { return NumberFormat.fixed(Double(bytes) / Double(1 << 20), 1) + " MiB" }
        if bytes >= 1 << 10 { return String(Int((Double(bytes) / 1024).rounded())) + " KiB" }
        return "\(bytes) B"
    }
}

/// This CPU's cache sizes in bytes, from sysfs (`<root>/index*/level`, `type`, `size`; the
/// directory `scripts/cache-profile.py` reads too), or stated defaults when it cannot be read.
package struct CacheSizes: Sendable, Equatable {
    /// The level-1 data cache.
    package var l1d: Int
    /// The level-2 cache.
    package var l2: Int
    /// The last-level cache (the highest level listed; the L2 when there is no L3).
    package var llc: Int
    /// Where the sizes came from: the sysfs directory, or why the defaults were used.
    package var source: String

    package init(l1d: Int, l2: Int, llc: Int, source: String) {
        self.l1d = l1d
        self.l2 = l2
        self.llc = llc
        self.source = source
    }

    /// cpu0's cache directory.
    package static let sysfsRoot = "/sys/devices/system/cpu/cpu0/cache"

    /// The defaults when sysfs cannot be read: 32 KiB L1d, 1 MiB L2, 32 MiB LLC.
    package static func fallback(reason: String) -> CacheSizes {
        CacheSizes(l1d: 32 << 10, l2: 1 << 20, llc: 32 << 20, source: "assumed 32 KiB L1d, 1 MiB L2, 32 MiB LLC: \(reason)")
    }

    /// The sizes under `root` (tests pass a fake directory), or ``fallback(reason:)``.
    package static func read(root: String = sysfsRoot) -> CacheSizes {
        let files = FileManager.default
        guard let entries = try? files.contentsOfDirectory(atPath: root) else {
            return fallback(reason: "\(root) cannot be read")
        }
        var byLevel: [Int: Int] = [:]
        var l1d: Int?
        for entry in entries.sorted() where entry.hasPrefix("index") {
            func field(_ name: String) -> String? {
                (try? String(contentsOfFile: "\(root)/\(entry)/\(name)", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard let level = field("level").flatMap(Int.init), let type = field("type"), let size = field("size").flatMap(parseSize)
            else { continue }
            if type == "Instruction" { continue }
            if level == 1 {
                if type == "Data" || l1d == nil { l1d = size }
            } else {
                byLevel[level] = max(byLevel[level] ?? 0, size)
            }
        }
        guard let l1d, let l2 = byLevel[2] else {
            return fallback(reason: "\(root) lists no L1 data or L2 cache")
        }
        let llc = byLevel[byLevel.keys.max()!]!
        return CacheSizes(l1d: l1d, l2: l2, llc: llc, source: root)
    }

    /// Bytes from sysfs's notation: `32K`, `1024K`, `32M`, or a plain byte count.
    package static func parseSize(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        guard let last = text.last else { return nil }
        if let unit = units[Character(last.uppercased())] { return Int(text.dropLast()).map { $0 * unit } }
        return Int(text)
    }
}
