/// Numbers as the terminal tables and progress lines print them.
enum NumberFormat {
    /// Nanoseconds: whole from 1000 up, else one decimal (`812.4`, `1530`).
    static func nanoseconds(_ nanoseconds: Double) -> String {
        nanoseconds >= 1000 ? String(Int(nanoseconds.rounded())) : String(Double(Int((nanoseconds * 10).rounded())) / 10)
    }

    /// `12.3×`.
    static func factor(_ value: Double) -> String { fixed(value, value >= 100 ? 0 : 1) + "×" }

    /// `4.2%`.
    static func percent(_ value: Double) -> String { fixed(value * 100, 1) + "%" }

    /// `value` with `digits` decimals.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard digits > 0 else { return String(scaled) }
        let whole = abs(scaled) / Int(scale), fraction = abs(scaled) % Int(scale)
        let text = String(fraction)
        return (scaled < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
