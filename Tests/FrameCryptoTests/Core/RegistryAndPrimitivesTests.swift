import FrameCrypto
import FrameTestSupport
import Testing

@Suite struct RegistryTests {
    @Test func listsTheThreeLibrariesWithVersions() throws {
        #expect(BackendRegistry.names == ["openssl", "sodium", "swift-crypto"] + TestBackends.optionalLibraries)
        let openssl = try BackendRegistry.backend(named: "openssl").info
        #expect(openssl.library == "OpenSSL libcrypto")
        #expect(openssl.version.hasPrefix("3."))
        let sodium = try BackendRegistry.backend(named: "sodium").info
        #expect(sodium.version.split(separator: ".").count == 3)
        if case let .unavailable(reason) = sodium.availability { #expect(reason.contains("AES-NI")) }
        // swift-crypto has no run-time version: the build records the resolved one (x.y.z).
        let swiftCrypto = try BackendRegistry.backend(named: "swift-crypto").info
        #expect(swiftCrypto.library == "apple/swift-crypto (BoringSSL)")
        #expect(swiftCrypto.version.split(separator: ".").count == 3 && swiftCrypto.version.allSatisfy { $0.isNumber || $0 == "." })
        #expect(swiftCrypto.summary.contains("allocates per frame"))
        #expect(swiftCrypto.availability.isAvailable)
    }

    @Test func unknownNameListsTheKnownOnes() {
        let known =
            ["openssl", "sodium", "swift-crypto"] + TestBackends.optionalLibraries
            + ["openssl-cold", "openssl-placeholder", "sodium-nobeforenm", "openssl-hmac-rekey"]
        #expect(BackendRegistry.selectableNames == known)
        #expect(throws: FrameCryptoError.unknownBackend("boring", known: known)) {
            try BackendRegistry.backend(named: "boring")
        }
        let message = FrameCryptoError.unknownBackend("boring", known: BackendRegistry.names).description
        #expect(
            message == "unknown backend 'boring'; known backends: "
                + (["openssl", "sodium", "swift-crypto"] + TestBackends.optionalLibraries).joined(separator: ", "))
    }

    @Test func variantsAreOneFlagAwayButNotDefault() throws {
        #expect(try BackendRegistry.backend(named: "openssl-cold").info.library == "OpenSSL libcrypto")
        #expect(try BackendRegistry.backend(named: "sodium-nobeforenm").info.library == "libsodium")
        let variants = Set(BackendRegistry.variants.map { $0.info.name })
        #expect(!BackendRegistry.available.contains { variants.contains($0.info.name) })
        #expect(try BackendRegistry.select(["openssl-placeholder"]).map { $0.info.name } == ["openssl-placeholder"])
    }

    @Test func selectDefaultsToAvailableAndDeduplicates() throws {
        #expect(try BackendRegistry.select([]).map { $0.info.name } == BackendRegistry.available.map { $0.info.name })
        #expect(try BackendRegistry.select(["openssl", "openssl"]).map { $0.info.name } == ["openssl"])
        #expect(throws: FrameCryptoError.self) { try BackendRegistry.select(["openssl", "nope"]) }
    }
}

@Suite struct PrimitiveTests {
    @Test func nonceCounterLayoutAndXor() throws {
        let nonce = Nonce(counter: 0x0102_0304_0506_0708)
        #expect(nonce.description == "000000000102030405060708")
        let saltBytes = Hex.decode("ffffffffffffffffffffffff")!
        let salt = try Nonce(saltBytes.span)
        #expect(salt.xor(counter: 1).description == "fffffffffffffffffffffffe")
        // The XOR is two word operations over bytes 4–11: distinct bytes on both sides show
        // any byte that lands in the wrong place.
        let distinctBytes = Hex.decode("a0a1a2a3a4a5a6a7a8a9aaab")!
        let distinct = try Nonce(distinctBytes.span)
        #expect(distinct.xor(counter: 0x0102_0304_0506_0708).description == "a0a1a2a3a5a7a5a3adafada3")
        #expect(distinct.xor(counter: 0x0102_0304_0506_0708).xor(counter: 0x0102_0304_0506_0708) == distinct)
        var edited = Nonce()
        edited.bytes[3] = 7
        edited.bytes[11] = 9
        #expect(edited.description == "000000070000000000000009")
        #expect(edited.bytes[3] == 7 && edited.bytes[11] == 9 && edited.bytes[0] == 0)
        let long = [UInt8](repeating: 0, count: 16)
        #expect(throws: FrameCryptoError.invalidNonceLength(16)) { try Nonce(long.span) }
    }

    @Test func hexRoundTripAndRejects() {
        #expect(Hex.decode("00ff10Ab") == [0, 255, 16, 171])
        #expect(Hex.encode([0, 255, 16, 171]) == "00ff10ab")
        #expect(Hex.decode(" 0a \n") == [10])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode("") == [])
    }

    /// HKDF-SHA-512 against values computed independently with pyca/cryptography 48.0.0.
    @Test func hkdfSHA512MatchesAnIndependentImplementation() {
        let ikm = (0..<22).map { UInt8($0) }, salt = (0..<13).map { UInt8($0) }, info = (0xf0..<0xfa).map { UInt8($0) }
        let prk = HKDF.extract(salt: salt.span, ikm: ikm.span)
        #expect(
            Hex.encode(prk.exposedForTesting())
                == "dcb2a77e09c27cb34c730e287ac27398e6749782b60f8e18a16ab1ceb007d2080c8f05b43bab7d93c3d891d042a9f2f3159e811f8f67c0d2bdc34d0a1ba45c3c"
        )
        let okm = HKDF.expand(prk: prk, info: info.span, length: 100)
        #expect(
            Hex.encode(okm.exposedForTesting())
                == "8a642d880d39665d7d6957b7c15a53e681476094a9fc9d07e4c45e56f9a9ddf6a13fc9944c6e251bc1b18d794f1c39c758124451ef06a8b6afeae700826cd5e9bae5c8953a21a8ad3655b14556a2259c9e3cd6ff3cceffce307041515d789d38de4609d9"
        )
        let noSalt = HKDF.extract(salt: [UInt8]().span, ikm: ikm.span)
        #expect(
            Hex.encode(noSalt.exposedForTesting())
                == "489d5cd2fab3c35532af3d246c302e8040c3eb6315dc493e2bb41b11dc8eea39c0467d7560cb817e4e457acb7b21f8fffd8c310b541524878161dc9bec8aa1b4"
        )
    }

    @Test func secretBytesAreRandomAndComparable() {
        let a = SecretBytes.random(count: 32), b = SecretBytes.random(count: 32)
        #expect(a.count == 32)
        let distinct = a.constantTimeEquals(b)
        #expect(!distinct)
        let copy = a.withSpan { SecretBytes(copying: $0) }
        let same = copy.constantTimeEquals(a)
        #expect(same)
        #expect(a.exposedForTesting() != [UInt8](repeating: 0, count: 32))
    }
}
