import ArgumentParser
import FrameCrypto

/// `--suite`: one SFrame cipher suite by number (1–8) or IANA name
/// (`AES_128_GCM_SHA256_128`, any case), or `all`.
struct SuiteSelection: ExpressibleByArgument, Equatable, CustomStringConvertible {
    /// The suites chosen, in registry order.
    let suites: [SFrameCipherSuite]

    static let all = SuiteSelection(suites: SFrameCipherSuite.allCases)

    init(suites: [SFrameCipherSuite]) {
        self.suites = suites
    }

    init?(argument: String) {
        if argument.lowercased() == "all" {
            self = .all
        } else if let number = UInt16(argument), let suite = SFrameCipherSuite(rawValue: number) {
            suites = [suite]
        } else if let suite = SFrameCipherSuite.allCases.first(where: { $0.ianaName.lowercased() == argument.lowercased() }) {
            suites = [suite]
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ["all"] + SFrameCipherSuite.allCases.map { String($0.rawValue) } }

    var description: String { suites == Self.all.suites ? "all" : suites.map { String($0.rawValue) }.joined(separator: ",") }
}
