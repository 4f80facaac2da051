import CFrameReference
import FrameCrypto

/// A backend's C reference: its ``CReferenceTable`` for each AEAD it has one for. ``all``
/// lists every library built here, one entry each; a library's C reference is added there.
struct CReferenceLibrary {
    /// The backend name (``BackendInfo/name``).
    let backend: String
    /// The table for `algorithm`, or `nil` when this library has no C reference for it.
    let table: (AEADAlgorithm) -> CReferenceTable?

    /// Every library with a C reference in this build (the optional ones under their trait).
    static var all: [CReferenceLibrary] {
        var libraries = [openssl, sodium]
        #if Nettle
        libraries.append(
            .gcm(
                "nettle", fbr_nettle_new, fbr_nettle_free, fbr_nettle_seal_batch, fbr_nettle_open_batch, fbr_nettle_seal_ring,
                fbr_nettle_open_ring))
        #endif
        #if Libgcrypt
        libraries.append(
            .gcm(
                "libgcrypt", fbr_gcrypt_new, fbr_gcrypt_free, fbr_gcrypt_seal_batch, fbr_gcrypt_open_batch, fbr_gcrypt_seal_ring,
                fbr_gcrypt_open_ring))
        #endif
        #if MbedTLS
        libraries.append(
            .gcm(
                "mbedtls", fbr_mbedtls_new, fbr_mbedtls_free, fbr_mbedtls_seal_batch, fbr_mbedtls_open_batch, fbr_mbedtls_seal_ring,
                fbr_mbedtls_open_ring))
        #endif
        #if WolfSSL
        libraries.append(
            .gcm(
                "wolfssl", fbr_wolfssl_new, fbr_wolfssl_free, fbr_wolfssl_seal_batch, fbr_wolfssl_open_batch, fbr_wolfssl_seal_ring,
                fbr_wolfssl_open_ring))
        #endif
        #if Botan
        libraries.append(
            .gcm(
                "botan", fbr_botan_new, fbr_botan_free, fbr_botan_seal_batch, fbr_botan_open_batch, fbr_botan_seal_ring, fbr_botan_open_ring
            ))
        #endif
        return libraries
    }

    /// The C reference of `backend` (or of the floor, ``FloorReference/name``) for
    /// `algorithm`, or `nil` when it has none here.
    static func table(backend: String, algorithm: AEADAlgorithm) -> CReferenceTable? {
        if backend == FloorReference.name { return algorithm == .aes256GCM ? floor : nil }
        return all.first { $0.backend == backend }?.table(algorithm)
    }

    /// OpenSSL: `fbr_openssl_*` for AES-256-GCM; `fbr_openssl_suite_*` for every other SFrame
    /// suite's AEAD (CFrameReferenceSuites.h), which has no ring loops.
    static var openssl: CReferenceLibrary {
        CReferenceLibrary(backend: "openssl") { algorithm in
            if algorithm == .aes256GCM {
                return CReferenceTable(
                    label: "openssl", keyBytes: AESGCM.keyByteCount, new: { key, _ in fbr_openssl_new(key) }, free: fbr_openssl_free,
                    sealBatch: fbr_openssl_seal_batch, openBatch: fbr_openssl_open_batch,
                    ring: (fbr_openssl_seal_ring, fbr_openssl_open_ring))
            }
            guard let suite = SFrameCipherSuite(aead: algorithm) else { return nil }
            let number = suite.rawValue
            return CReferenceTable(
                label: "openssl, suite \(number)", keyBytes: suite.keyByteCount, new: { key, _ in fbr_openssl_suite_new(number, key) },
                free: fbr_openssl_suite_free, sealBatch: fbr_openssl_suite_seal_batch, openBatch: fbr_openssl_suite_open_batch, ring: nil)
        }
    }

    /// libsodium: AES-256-GCM only, as its backend.
    static var sodium: CReferenceLibrary {
        CReferenceLibrary(backend: "sodium") { algorithm in
            guard algorithm == .aes256GCM else { return nil }
            return CReferenceTable(
                label: "sodium", keyBytes: AESGCM.keyByteCount, new: { key, _ in fbr_sodium_new(key) }, free: fbr_sodium_free,
                sealBatch: fbr_sodium_seal_batch, openBatch: fbr_sodium_open_batch, ring: (fbr_sodium_seal_ring, fbr_sodium_open_ring))
        }
    }

    /// The AES-NI/PCLMULQDQ floor (floor.c): AES-256-GCM, no ring loops; `nil` when this CPU
    /// lacks the instructions.
    static var floor: CReferenceTable? {
        guard fbr_floor_available() != 0 else { return nil }
        return CReferenceTable(
            label: FloorReference.name, keyBytes: AESGCM.keyByteCount, new: { key, _ in fbr_floor_new(key) }, free: fbr_floor_free,
            sealBatch: fbr_floor_seal_batch, openBatch: fbr_floor_open_batch, ring: nil)
    }

    /// An optional library's C reference (CFrameReferenceLibraries.h): AES-128-GCM and
    /// AES-256-GCM, `new` keying it by the key's length, as its backend.
    static func gcm(
        _ backend: String, _ new: @escaping @convention(c) (UnsafePointer<UInt8>?, Int) -> OpaquePointer?,
        _ free: @escaping CReferenceTable.Free, _ sealBatch: @escaping CReferenceTable.SealBatch,
        _ openBatch: @escaping CReferenceTable.OpenBatch, _ sealRing: @escaping CReferenceTable.SealRing,
        _ openRing: @escaping CReferenceTable.OpenRing
    ) -> CReferenceLibrary {
        CReferenceLibrary(backend: backend) { algorithm in
            guard algorithm == .aes128GCM || algorithm == .aes256GCM else { return nil }
            return CReferenceTable(
                label: backend, keyBytes: algorithm.keyByteCount, new: { key, count in new(key, count) }, free: free,
                sealBatch: sealBatch, openBatch: openBatch, ring: (sealRing, openRing))
        }
    }
}
