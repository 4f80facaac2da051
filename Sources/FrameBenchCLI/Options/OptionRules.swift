import ArgumentParser
import Foundation

/// Checks shared by the commands' `validate()` methods. Each failure is a `ValidationError`,
/// which `FrameBenchCommand.main()` prints with the usage and turns into exit 2.
enum OptionRules {
    /// Fails when both options were given.
    static func exclusive<A, B>(_ first: A?, _ firstName: String, _ second: B?, _ secondName: String) throws {
        if first != nil && second != nil {
            throw ValidationError("\(firstName) and \(secondName) conflict: give one of them")
        }
    }

    /// Fails when `dependent` was given without what it applies to.
    static func requires<A>(_ dependent: A?, _ dependentName: String, _ present: Bool, _ requirement: String) throws {
        if dependent != nil && !present {
            throw ValidationError("\(dependentName) applies to \(requirement)")
        }
    }

    /// `body`'s value; an error it throws (a configuration a suite refuses, an unknown backend)
    /// becomes a usage error with the error's own words.
    static func checking<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Fails when a percentage option is outside `range` (or is 0 when `excludingZero`).
    static func percentage(
        _ value: Double?, _ name: String, in range: Range<Double>, example: String, excludingZero: Bool = false
    ) throws {
        guard let value else { return }
        if !range.contains(value) || (excludingZero && value == 0) {
            let low = String(format: "%g", range.lowerBound), high = String(format: "%g", range.upperBound)
            let bounds = excludingZero ? "more than \(low) and below \(high)" : "from \(low) to below \(high)"
            throw ValidationError("\(name): \(String(format: "%g", value)) is not a percentage \(bounds) (such as \(example))")
        }
    }

    /// Fails when `--resamples` is outside 100…1000000.
    static func resamples(_ value: Int?) throws {
        if let value, !(100...1_000_000).contains(value) {
            throw ValidationError("--resamples: \(value) is not a whole number from 100 to 1000000")
        }
    }
}
