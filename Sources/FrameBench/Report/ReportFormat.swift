import Foundation

/// Number and text formatting shared by the report's tables, charts and pages.
enum ReportFormat {
    /// `value` with about three significant digits and no exponent: `0.0421`, `4.21`,
    /// `42.1`, `421`, `4210`. Used for table cells and tooltips.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "−∞") }
        let magnitude = abs(value)
        let digits: Int
        switch magnitude {
        case 0: return "0"
        case ..<0.01: digits = 4
        case ..<1: digits = 3
        case ..<10: digits = 2
        case ..<100: digits = 1
        default: digits = 0
        }
        return String(format: "%.\(digits)f", value)
    }

    /// ``number(_:)`` without trailing zeros, for prose and labels: `5`, `20`, `0.3`, `99.9`.
    static func short(_ value: Double) -> String {
        var text = number(value)
        guard text.contains(".") else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }

    /// A confidence level (a fraction below 1) as a percentage with as many decimals as it
    /// takes not to round up to 100: a Bonferroni level of 0.99966 reads "99.97", not "100".
    static func confidencePercent(_ level: Double) -> String {
        let percent = level * 100
        var text = short(percent)
        var digits = 1
        while percent < 100, Double(text).map({ $0 >= 100 }) ?? false, digits <= 6 {
            text = fixed(percent, digits: digits)
            digits += 1
        }
        while text.contains("."), text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }

    /// `value` with exactly `digits` decimals.
    static func fixed(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// A short axis tick label: `0.5`, `20`, `500`, `2k`, `1.5M`.
    static func tick(_ value: Double) -> String {
        let magnitude = abs(value)
        func trimmed(_ v: Double) -> String {
            let text = String(format: "%.2f", v)
            var result = text
            while result.contains("."), result.last == "0" { result.removeLast() }
            if result.last == "." { result.removeLast() }
            return result
        }
        if magnitude >= 1e9 { return trimmed(value / 1e9) + "G" }
        if magnitude >= 1e6 { return trimmed(value / 1e6) + "M" }
        if magnitude >= 1e4 || (magnitude >= 1e3 && (value / 1e3).rounded() == value / 1e3) {
            return trimmed(value / 1e3) + "k"
        }
        if magnitude > 0 && magnitude < 0.01 { return String(format: "%.0e", value) }
        return trimmed(value)
    }

    /// A frame size: `64 B`, `1200 B`, `4 KiB`, `64 KiB`.
    static func bytes(_ size: Int) -> String {
        if size >= 1024 && size % 1024 == 0 { return "\(size / 1024) KiB" }
        return "\(size) B"
    }

    /// A frame size as an axis tick: `64`, `1200`, `4Ki`.
    static func bytesTick(_ size: Double) -> String {
        let value = Int(size.rounded())
        if value >= 1024 && value % 1024 == 0 { return "\(value / 1024)Ki" }
        return String(value)
    }

    /// The exact value for `data-` attributes: Swift's shortest round-tripping form.
    static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// A ratio change as a signed percentage: `+10.0%`, `-1.2%`.
    static func percentChange(_ ratio: Double) -> String {
        let percent = (ratio - 1) * 100
        return (percent >= 0 ? "+" : "") + String(format: "%.1f", percent) + "%"
    }

    /// `text` escaped for XML and HTML text and attribute values.
    static func escapeXML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `text` made safe for one Markdown table cell: pipes escaped, newlines removed.
    static func escapeMarkdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// `text` reduced to lowercase letters, digits and hyphens, for file names and ids.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar), scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else if out.last != "-" {
                out += "-"
            }
        }
        while out.last == "-" { out.removeLast() }
        while out.first == "-" { out.removeFirst() }
        return out.isEmpty ? "x" : out
    }
}
