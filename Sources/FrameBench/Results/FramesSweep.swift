import FrameCrypto

/// The frames suite's size sweep among a run's records: what its per-size charts, tables and
/// summary plot, one point per series and size.
///
/// A run measures some sizes more than once: `framebench run` sweeps sizes with suite 5's
/// AEAD and then measures every suite at 100 and 1200 B for the suite chooser, so a backend
/// has several single-thread frames records at 1200 B, of different suites and groups. A
/// series through all of them would zigzag at one size, and "the record at 1200 B" would be
/// whichever came first.
enum FramesSweep {
    /// The single-thread frames records of one cipher suite (suite 5, the default, when it
    /// was measured; else the lowest measured) and, of several for the same backend,
    /// operation, implementation and size, the first in `records` (the sweep, measured before
    /// the suites).
    static func records(_ records: [MeasurementRecord]) -> [MeasurementRecord] {
        let frames = records.filter { $0.suiteName == .frames && $0.frameSize != nil && ($0.threads ?? 1) == 1 }
        let measured = Set(frames.compactMap(\.cipherSuiteKind))
        let suite = measured.contains(.aes256GCMSHA512) ? .aes256GCMSHA512 : measured.min { $0.rawValue < $1.rawValue }
        var seen = Set<String>()
        return frames.filter { record in
            record.cipherSuiteKind == suite
                && seen.insert("\(record.backend)|\(record.operation ?? "")|\(record.implementation)|\(record.frameSize!)").inserted
        }
    }
}
