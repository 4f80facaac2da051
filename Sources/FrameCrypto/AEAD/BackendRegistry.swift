/// The list of backends FrameBench knows, and lookup by name.
///
/// This is the one place a new backend is listed; everything else takes an
/// ``AEADBackend`` from here.
public enum BackendRegistry {
    /// Every backend, in the order reports list them.
    public static let all: [AEADBackend] = [
        OpenSSLContext.self,
        SodiumContext.self,
    ]

    /// The names of every backend, available here or not.
    public static var names: [String] { all.map { $0.info.name } }

    /// The backends that can run on this machine.
    public static var available: [AEADBackend] { all.filter { $0.info.availability.isAvailable } }

    /// The backend called `name`.
    ///
    /// - Throws: ``FrameCryptoError/unknownBackend(_:known:)`` listing the known names.
    public static func backend(named name: String) throws(FrameCryptoError) -> AEADBackend {
        guard let found = all.first(where: { $0.info.name == name }) else {
            throw .unknownBackend(name, known: names)
        }
        return found
    }

    /// The backends called `names`, in that order, each of which must be available here;
    /// with no names, every available backend.
    ///
    /// - Throws: ``FrameCryptoError/unknownBackend(_:known:)`` or
    ///   ``FrameCryptoError/backendUnavailable(backend:reason:)``.
    public static func select(_ names: [String]) throws(FrameCryptoError) -> [AEADBackend] {
        if names.isEmpty { return available }
        var chosen: [AEADBackend] = []
        for name in names {
            let backend = try backend(named: name)
            if let reason = backend.info.availability.reason {
                throw .backendUnavailable(backend: name, reason: reason)
            }
            if !chosen.contains(where: { $0.info.name == name }) { chosen.append(backend) }
        }
        return chosen
    }
}
