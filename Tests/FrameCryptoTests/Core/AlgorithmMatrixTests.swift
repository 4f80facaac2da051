import FrameCrypto
import FrameTestSupport
import Testing

@Suite struct AlgorithmMatrixTests {
    @Test func algorithmsHaveTheirRFCSizes() {
        let sizes = AEADAlgorithm.allCases.map {
            [$0.encryptionKeyByteCount, $0.authenticationKeyByteCount, $0.keyByteCount, $0.tagByteCount]
        }
        #expect(
            sizes == [
                [16, 0, 16, 16], [32, 0, 32, 16],
                [16, 32, 48, 10], [16, 32, 48, 8], [16, 32, 48, 4],
                [32, 64, 96, 10], [32, 64, 96, 8], [32, 64, 96, 4],
            ])
        #expect(AEADAlgorithm.allCases.allSatisfy { $0.nonceByteCount == 12 })
        #expect(AEADAlgorithm.aes128GCM.mode == .gcm && AEADAlgorithm.aes256GCM.isGCM)
        #expect(AEADAlgorithm.aes128CTRHMACSHA256Tag32.mode == .ctrHMAC(hash: .sha256))
        #expect(AEADAlgorithm.aes256CTRHMACSHA512Tag80.hmacHash == .sha512)
        #expect(AEADAlgorithm(name: "aes-256-ctr-hmac-sha512-64") == .aes256CTRHMACSHA512Tag64)
        #expect(AEADAlgorithm(name: "ChaCha20-Poly1305") == nil)
    }

    @Test func suitesMatchTheIANARegistry() {
        let rows = SFrameCipherSuite.allCases.map {
            "\($0.rawValue) \($0.ianaName) \($0.kdfHash) Nk=\($0.keyByteCount) Nn=\($0.nonceByteCount) Nt=\($0.tagByteCount)"
        }
        #expect(
            rows == [
                "1 AES_128_CTR_HMAC_SHA256_80 SHA-256 Nk=48 Nn=12 Nt=10",
                "2 AES_128_CTR_HMAC_SHA256_64 SHA-256 Nk=48 Nn=12 Nt=8",
                "3 AES_128_CTR_HMAC_SHA256_32 SHA-256 Nk=48 Nn=12 Nt=4",
                "4 AES_128_GCM_SHA256_128 SHA-256 Nk=16 Nn=12 Nt=16",
                "5 AES_256_GCM_SHA512_128 SHA-512 Nk=32 Nn=12 Nt=16",
                "6 AES_256_CTR_HMAC_SHA512_80 SHA-512 Nk=96 Nn=12 Nt=10",
                "7 AES_256_CTR_HMAC_SHA512_64 SHA-512 Nk=96 Nn=12 Nt=8",
                "8 AES_256_CTR_HMAC_SHA512_32 SHA-512 Nk=96 Nn=12 Nt=4",
            ])
        #expect(SFrameCipherSuite.allCases.allSatisfy { SFrameCipherSuite(aead: $0.aead) == $0 })
        #expect(SFrameCipherSuite.default == .aes256GCMSHA512)
    }

    /// Every backend and variant either keys a context for an algorithm it declares or
    /// refuses one it does not with `unsupportedAlgorithm`, naming both: no cell is silent.
    @Test(arguments: TestBackends.names + TestBackends.variantNames)
    func everyCellIsImplementedOrRefusedByName(_ name: String) throws {
        let backend = try TestBackends.backend(named: name)
        func key<C: AEADContext & ~Copyable>(_ backend: C.Type, _ algorithm: AEADAlgorithm) -> FrameCryptoError? {
            let bytes = [UInt8](repeating: 7, count: algorithm.keyByteCount)
            do throws(FrameCryptoError) {
                let context = try C(algorithm: algorithm, key: bytes.span)
                return context.algorithm == algorithm ? nil : .libraryCallFailed("algorithm mismatch")
            } catch { return error }
        }
        #expect(!backend.algorithms.isEmpty)
        for algorithm in AEADAlgorithm.allCases {
            let error = key(backend, algorithm)
            if backend.algorithms.contains(algorithm) {
                #expect(error == nil, "\(backend.info.name) declares \(algorithm)")
            } else {
                #expect(error == .unsupportedAlgorithm(algorithm, backend: backend.info.name))
            }
        }
    }

    @Test func keyLengthIsTheAlgorithmsAndDefaultIsAES256GCM() throws {
        #expect(throws: FrameCryptoError.invalidKeyLength(expected: 16, actual: 32)) {
            _ = try OpenSSLContext(algorithm: .aes128GCM, key: [UInt8](repeating: 1, count: 32).span)
        }
        let context = try OpenSSLContext(key: [UInt8](repeating: 1, count: 32).span)
        #expect(context.algorithm == .aes256GCM)
        #expect(
            FrameCryptoError.unsupportedAlgorithm(.aes128GCM, backend: "sodium").description
                == "backend 'sodium' does not implement AES-128-GCM")
    }

    @Test func theRegistryKnowsTheMatrix() {
        let matrix = BackendRegistry.matrix()
        #expect(matrix.count == BackendRegistry.all.count * AEADAlgorithm.allCases.count)
        let sodium = matrix.filter { $0.backend == "sodium" && $0.implemented }.map(\.algorithm)
        #expect(sodium == [.aes256GCM])
        #expect(BackendRegistry.backends(implementing: .aes256GCMSHA512).map { $0.info.name } == BackendRegistry.names)
        #expect(BackendRegistry.backends(implementing: .aes128GCM).map { $0.info.name }.contains("openssl"))
        #expect(!BackendRegistry.implements(SodiumContext.self, .aes128GCMSHA256))
        #expect(BackendRegistry.implements(OpenSSLContext.self, .aes256GCMSHA512))
    }
}
