/// The list of backends FrameBench knows, and lookup by name.
///
/// This is the one place a new backend is listed; everything else takes an
/// ``AEADBackend`` from here.
public enum BackendRegistry {
    /// Every backend, in the order reports list them: the default set, each library
    /// driven the way a performance-minded client would — except `swift-crypto`, which
    /// is driven through its public API as Swift developers call it, and allocates per
    /// frame (``SwiftCryptoContext``).
    public static let all: [AEADBackend] =
        [
            OpenSSLContext.self,
            SodiumContext.self,
            SwiftCryptoContext.self,
        ] + optionalLibraries

    /// The backends on the optional libraries this build has: one package trait each
    /// (Package.swift; `swift build --traits AllBackends`), none by default. Listed after
    /// the three above, in this order.
    static var optionalLibraries: [AEADBackend] {
        var backends: [AEADBackend] = []
        #if Nettle
        backends.append(NettleContext.self)
        #endif
        #if Libgcrypt
        backends.append(LibgcryptContext.self)
        #endif
        #if MbedTLS
        backends.append(MbedTLSContext.self)
        #endif
        #if WolfSSL
        backends.append(WolfSSLContext.self)
        #endif
        #if Botan
        backends.append(BotanContext.self)
        #endif
        return backends
    }

    /// Variants that drive a library the way many real clients do, to show what the
    /// default backends save: one flag away (`--backend openssl-cold`), never selected by
    /// default.
    public static let variants: [AEADBackend] = [
        OpenSSLColdContext.self,
        OpenSSLPlaceholderContext.self,
        SodiumNoPrecomputationContext.self,
    ]

    /// Variants of the AES-CTR + HMAC suites (1–3, 6–8) only, kept apart from ``variants``
    /// (every one of which is an AES-256-GCM variant of a default backend, compared with it
    /// by the overhead suite): `openssl-hmac-rekey` re-keys HMAC on every frame, to show what
    /// `openssl`'s keyed-once HMAC saves. Selectable by name like the others.
    public static let ctrHMACVariants: [AEADBackend] = [
        OpenSSLHMACRekeyContext.self
    ]

    /// The names of the default backends, available here or not.
    public static var names: [String] { all.map { $0.info.name } }

    /// Every name that ``backend(named:)`` accepts: the default backends, then the variants,
    /// then the AES-CTR + HMAC variants.
    public static var selectableNames: [String] { (all + variants + ctrHMACVariants).map { $0.info.name } }

    /// The backends that can run on this machine.
    public static var available: [AEADBackend] { all.filter { $0.info.availability.isAvailable } }

    /// The backend or variant called `name`.
    ///
    /// - Throws: ``FrameCryptoError/unknownBackend(_:known:)`` listing the known names.
    public static func backend(named name: String) throws(FrameCryptoError) -> AEADBackend {
        guard let found = (all + variants + ctrHMACVariants).first(where: { $0.info.name == name }) else {
            throw .unknownBackend(name, known: selectableNames)
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

    // The matrix: which backend implements which algorithm and suite.

    /// The default backends (available here or not) that implement `algorithm`, in
    /// ``all``'s order.
    public static func backends(implementing algorithm: AEADAlgorithm) -> [AEADBackend] {
        all.filter { $0.algorithms.contains(algorithm) }
    }

    /// The default backends (available here or not) that implement `suite`'s AEAD.
    public static func backends(implementing suite: SFrameCipherSuite) -> [AEADBackend] {
        backends(implementing: suite.aead)
    }

    /// Whether `backend` implements `algorithm`: `false` is a cell tables show as "n/a".
    public static func implements(_ backend: AEADBackend, _ algorithm: AEADAlgorithm) -> Bool {
        backend.algorithms.contains(algorithm)
    }

    /// Whether `backend` implements `suite`'s AEAD.
    public static func implements(_ backend: AEADBackend, _ suite: SFrameCipherSuite) -> Bool {
        implements(backend, suite.aead)
    }

    /// Every (backend, algorithm) cell for `backends` (default: the default backends) and
    /// every algorithm, with whether the backend implements it: the whole matrix, nothing
    /// dropped.
    public static func matrix(
        _ backends: [AEADBackend] = all
    ) -> [(backend: String, algorithm: AEADAlgorithm, implemented: Bool)] {
        backends.flatMap { backend in
            AEADAlgorithm.allCases.map { (backend.info.name, $0, backend.algorithms.contains($0)) }
        }
    }
}
