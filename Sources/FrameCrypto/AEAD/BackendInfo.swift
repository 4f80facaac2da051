/// Whether a backend can run on this machine, and why not when it cannot.
public enum BackendAvailability: Sendable, Equatable {
    case available
    case unavailable(reason: String)

    /// `true` when the backend can be used here.
    public var isAvailable: Bool {
        if case .available = self { true } else { false }
    }

    /// Why the backend cannot run here, or `nil` when it can.
    public var reason: String? {
        if case let .unavailable(reason) = self { reason } else { nil }
    }
}

/// What a backend is: the name users select it by, the library behind it and that
/// library's version as loaded at run time, and whether it runs on this CPU.
public struct BackendInfo: Sendable, Equatable, Codable {
    /// The name used on the command line and in results files, such as `openssl`.
    public let name: String
    /// The library that does the work, such as `OpenSSL libcrypto`.
    public let library: String
    /// The library's version as reported by the library loaded at run time.
    public let version: String
    /// How the backend drives the library, in a sentence.
    public let summary: String
    /// Whether it can run here.
    public let availability: BackendAvailability
    /// Which AES-GCM code the library takes on this CPU, or `nil` when not reported (results
    /// files written before FrameBench reported it).
    public let codePath: CodePathReport?

    public init(
        name: String, library: String, version: String, summary: String, availability: BackendAvailability,
        codePath: CodePathReport? = nil
    ) {
        self.name = name
        self.library = library
        self.version = version
        self.summary = summary
        self.availability = availability
        self.codePath = codePath
    }

    private enum CodingKeys: String, CodingKey {
        case name, library, version, summary, available, reason, codePath
    }

    /// Encoded flat: `available` is a boolean and `reason` is present only when it is false.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(library, forKey: .library)
        try container.encode(version, forKey: .version)
        try container.encode(summary, forKey: .summary)
        try container.encode(availability.isAvailable, forKey: .available)
        try container.encodeIfPresent(availability.reason, forKey: .reason)
        try container.encodeIfPresent(codePath, forKey: .codePath)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        library = try container.decode(String.self, forKey: .library)
        version = try container.decode(String.self, forKey: .version)
        summary = try container.decode(String.self, forKey: .summary)
        let available = try container.decode(Bool.self, forKey: .available)
        availability = available ? .available : .unavailable(reason: try container.decodeIfPresent(String.self, forKey: .reason) ?? "")
        codePath = try container.decodeIfPresent(CodePathReport.self, forKey: .codePath)
    }
}
