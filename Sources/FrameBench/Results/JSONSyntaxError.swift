/// Where and why a JSON text is malformed, for error messages that point at the problem:
/// Foundation's decoder on Linux says only "The given data was not valid JSON".
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    /// 1-based line and column (in bytes) of the offending place.
    var line: Int
    var column: Int
    /// What was wrong there, such as `the file ends inside an object (truncated?)`.
    var problem: String

    var description: String { "\(problem) at line \(line), column \(column)" }

    /// The first syntax error in `bytes`, or `nil` when it is one well-formed JSON value.
    static func find(in bytes: [UInt8]) -> JSONSyntaxError? {
        var scanner = Scanner(bytes: bytes)
        do throws(JSONSyntaxError) {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if scanner.position < bytes.count { throw scanner.error("unexpected text after the document") }
            return nil
        } catch {
            return error
        }
    }

    /// The most containers one inside another that a results file may have: Foundation's
    /// decoder refuses deeper documents itself, but traps on some malformed ones at one level
    /// more (containers left open exactly 513 deep), so they are refused here first.
    static let maxNesting = 512

    /// Where `bytes` nests arrays and objects deeper than ``maxNesting``, or `nil`: a scan
    /// that follows strings (and their escapes) and brackets only, so that it changes nothing
    /// for any document within the limit, well-formed or not.
    static func nestingTooDeep(in bytes: [UInt8]) -> JSONSyntaxError? {
        var depth = 0
        var inString = false
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > maxNesting {
                        return Scanner(bytes: bytes, position: position).error("nesting deeper than \(maxNesting) levels")
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            position += 1
        }
        return nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        func error(_ problem: String) -> JSONSyntaxError {
            var line = 1, column = 1
            for byte in bytes[..<min(position, bytes.count)] {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            return JSONSyntaxError(line: line, column: column, problem: problem)
        }

        var atEnd: Bool { position >= bytes.count }
        var current: UInt8 { bytes[position] }

        mutating func skipSpace() {
            while !atEnd, [0x20, 0x0A, 0x0D, 0x09].contains(current) { position += 1 }
        }

        mutating func expect(_ byte: UInt8, in what: String) throws(JSONSyntaxError) {
            skipSpace()
            if atEnd { throw error("the file ends inside \(what) (truncated?)") }
            guard current == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))' in \(what)") }
            position += 1
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) {
            skipSpace()
            guard !atEnd else { throw error(depth == 0 ? "the file is empty" : "the file ends where a value should be (truncated?)") }
            guard depth < JSONSyntaxError.maxNesting else { throw error("nesting deeper than \(JSONSyntaxError.maxNesting) levels") }
            switch current {
            case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), what: "an object", depth: depth, keyed: true)
            case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), what: "an array", depth: depth, keyed: false)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): number()
            default: throw error("unexpected character '\(Character(Unicode.Scalar(current)))'")
            }
        }

        mutating func container(close: UInt8, what: String, depth: Int, keyed: Bool) throws(JSONSyntaxError) {
            position += 1
            skipSpace()
            if !atEnd, current == close { position += 1; return }
            while true {
                if keyed {
                    skipSpace()
                    if atEnd { throw error("the file ends inside \(what) (truncated?)") }
                    guard current == UInt8(ascii: "\"") else { throw error("expected a quoted field name in \(what)") }
                    try string()
                    try expect(UInt8(ascii: ":"), in: what)
                }
                try value(depth: depth + 1)
                skipSpace()
                if atEnd { throw error("the file ends inside \(what) (truncated?)") }
                if current == close { position += 1; return }
                guard current == UInt8(ascii: ",") else { throw error("expected ',' or '\(Character(Unicode.Scalar(close)))' in \(what)") }
                position += 1
            }
        }

        mutating func string() throws(JSONSyntaxError) {
            position += 1
            while !atEnd {
                switch current {
                case UInt8(ascii: "\""): position += 1; return
                case UInt8(ascii: "\\"): position += 2
                case 0..<0x20: throw error("a control character inside a string")
                default: position += 1
                }
            }
            throw error("the file ends inside a string (truncated?)")
        }

        mutating func literal(_ word: String) throws(JSONSyntaxError) {
            for byte in word.utf8 {
                if atEnd { throw error("the file ends inside '\(word)' (truncated?)") }
                guard current == byte else { throw error("unexpected character '\(Character(Unicode.Scalar(current)))'") }
                position += 1
            }
        }

        mutating func number() {
            while !atEnd, "+-.eE0123456789".utf8.contains(current) { position += 1 }
        }
    }
}
