import ArgumentParser

/// A comma-separated list option such as `--sizes 100,1200,65536`: each element parsed by its
/// own type's `ExpressibleByArgument` conformance, blanks around commas ignored.
///
/// ArgumentParser's `[Element]` options repeat the flag (`--size 100 --size 1200`); the
/// commands keep the comma form their documentation and scripts use, and this type is the one
/// place that splits it. An empty element or one its type rejects makes the whole value
/// invalid, a usage error naming the option (exit 2).
struct CommaSeparated<Element: ExpressibleByArgument & Sendable>: ExpressibleByArgument, Sendable {
    /// The elements in the order given.
    var values: [Element]

    init?(argument: String) {
        var parsed: [Element] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let value = Element(argument: trimmed) else { return nil }
            parsed.append(value)
        }
        guard !parsed.isEmpty else { return nil }
        values = parsed
    }

    var defaultValueDescription: String {
        values.map(\.defaultValueDescription).joined(separator: ",")
    }
}

extension CommaSeparated where Element: Equatable {
    /// The elements with later repeats dropped (`seal,open,seal` is `seal,open`).
    var distinctValues: [Element] {
        values.reduce(into: []) { kept, value in
            if !kept.contains(value) { kept.append(value) }
        }
    }
}
