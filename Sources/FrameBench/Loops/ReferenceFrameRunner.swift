import CFrameReference
import FrameCrypto

/// A case run by the C reference (`Sources/CFrameReference`): the same library calls as
/// the backend, the same batch structure and clock, with no Swift in the per-frame loop.
/// The batch is timed inside C.
final class ReferenceFrameRunner: FrameBatchRunner {
    let implementation = Implementation.c
    let backend: String
    private let library: Library
    private let buffers: FrameBuffers
    private let operation: FrameOperation
    private var counter: UInt64 = 0

    private enum Library {
        case openssl(OpaquePointer)
        case sodium(OpaquePointer)
        #if Nettle
        case nettle(OpaquePointer)
        #endif
        #if Libgcrypt
        case gcrypt(OpaquePointer)
        #endif
        #if MbedTLS
        case mbedtls(OpaquePointer)
        #endif
        #if WolfSSL
        case wolfssl(OpaquePointer)
        #endif
        #if Botan
        case botan(OpaquePointer)
        #endif
        /// The AES-NI/PCLMULQDQ floor (floor.c): not a library, the work alone.
        case floor(OpaquePointer)
    }

    /// The backend name of the floor reference: the minimal AES-256-GCM every library is
    /// compared with (`Sources/CFrameReference/floor.c`; not a backend for use).
    static let floorName = FloorReference.name

    /// The backends that have a C reference (the optional libraries' when their trait is on).
    static let backends: Set<String> = {
        var names: Set<String> = ["openssl", "sodium"]
        #if Nettle
        names.insert("nettle")
        #endif
        #if Libgcrypt
        names.insert("libgcrypt")
        #endif
        #if MbedTLS
        names.insert("mbedtls")
        #endif
        #if WolfSSL
        names.insert("wolfssl")
        #endif
        #if Botan
        names.insert("botan")
        #endif
        return names
    }()

    /// Why the floor cannot run here, or `nil` when it can.
    static var floorUnavailableReason: String? { FloorReference.unavailableReason }

    /// A C reference for `backend`, or `nil` when it has none.
    init?(backend: String, key: [UInt8], payload: [UInt8], aad: [UInt8], operation: FrameOperation) throws(SuiteError) {
        let made: Library?
        switch backend {
        case "openssl": made = key.withUnsafeBufferPointer { fbr_openssl_new($0.baseAddress) }.map(Library.openssl)
        case "sodium": made = key.withUnsafeBufferPointer { fbr_sodium_new($0.baseAddress) }.map(Library.sodium)
        #if Nettle
        case "nettle": made = key.withUnsafeBufferPointer { fbr_nettle_new($0.baseAddress) }.map(Library.nettle)
        #endif
        #if Libgcrypt
        case "libgcrypt": made = key.withUnsafeBufferPointer { fbr_gcrypt_new($0.baseAddress) }.map(Library.gcrypt)
        #endif
        #if MbedTLS
        case "mbedtls": made = key.withUnsafeBufferPointer { fbr_mbedtls_new($0.baseAddress) }.map(Library.mbedtls)
        #endif
        #if WolfSSL
        case "wolfssl": made = key.withUnsafeBufferPointer { fbr_wolfssl_new($0.baseAddress) }.map(Library.wolfssl)
        #endif
        #if Botan
        case "botan": made = key.withUnsafeBufferPointer { fbr_botan_new($0.baseAddress) }.map(Library.botan)
        #endif
        case Self.floorName:
            guard fbr_floor_available() != 0 else { return nil }
            made = key.withUnsafeBufferPointer { fbr_floor_new($0.baseAddress) }.map(Library.floor)
        default: return nil
        }
        guard let made else { throw .referenceFailed("cannot make the C reference context for \(backend)") }
        self.backend = backend
        self.library = made
        self.operation = operation
        self.buffers = FrameBuffers(payload: payload, aad: aad, nonce: Nonce(counter: 0x5F5F_5F5F))
        if operation == .open {
            // Seal once, through C, under the nonce every open uses: counter 0x5F5F5F5E + 1.
            var sealCounter: UInt64 = 0x5F5F_5F5E
            if seal(frames: 1, counter: &sealCounter, into: buffers.sealed) < 0 {
                throw .referenceFailed("C reference seal failed for \(backend)")
            }
        }
    }

    deinit {
        switch library {
        case let .openssl(context): fbr_openssl_free(context)
        case let .sodium(context): fbr_sodium_free(context)
        #if Nettle
        case let .nettle(context): fbr_nettle_free(context)
        #endif
        #if Libgcrypt
        case let .gcrypt(context): fbr_gcrypt_free(context)
        #endif
        #if MbedTLS
        case let .mbedtls(context): fbr_mbedtls_free(context)
        #endif
        #if WolfSSL
        case let .wolfssl(context): fbr_wolfssl_free(context)
        #endif
        #if Botan
        case let .botan(context): fbr_botan_free(context)
        #endif
        case let .floor(context): fbr_floor_free(context)
        }
        buffers.deallocate()
    }

    func runBatch(frames: Int) throws(SuiteError) -> UInt64 {
        let ns: Int64
        switch operation {
        case .seal:
            ns = seal(frames: frames, counter: &counter, into: buffers.text)
        case .open:
            ns = withUnsafeBytes(of: buffers.nonce.bytes) { nonce in
                let n = nonce.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let aad = buffers.aad.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let tag = buffers.tag.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let sealed = buffers.sealed.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let text = buffers.text.baseAddress!.assumingMemoryBound(to: UInt8.self)
                switch library {
                case let .openssl(context):
                    return fbr_openssl_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                case let .sodium(context):
                    return fbr_sodium_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                #if Nettle
                case let .nettle(context):
                    return fbr_nettle_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                #endif
                #if Libgcrypt
                case let .gcrypt(context):
                    return fbr_gcrypt_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                #endif
                #if MbedTLS
                case let .mbedtls(context):
                    return fbr_mbedtls_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                #endif
                #if WolfSSL
                case let .wolfssl(context):
                    return fbr_wolfssl_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                #endif
                #if Botan
                case let .botan(context):
                    return fbr_botan_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                #endif
                case let .floor(context):
                    return fbr_floor_open_batch(context, sealed, text, buffers.text.count, aad, buffers.aad.count, tag, n, frames)
                }
            }
        }
        guard ns >= 0 else { throw .referenceFailed("C reference \(operation.rawValue) failed for \(backend)") }
        return UInt64(ns)
    }

    private func seal(frames: Int, counter: inout UInt64, into text: UnsafeMutableRawBufferPointer) -> Int64 {
        let bytes = text.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let aad = buffers.aad.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let tag = buffers.tag.baseAddress!.assumingMemoryBound(to: UInt8.self)
        switch library {
        case let .openssl(context):
            return fbr_openssl_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        case let .sodium(context):
            return fbr_sodium_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        #if Nettle
        case let .nettle(context):
            return fbr_nettle_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        #endif
        #if Libgcrypt
        case let .gcrypt(context):
            return fbr_gcrypt_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        #endif
        #if MbedTLS
        case let .mbedtls(context):
            return fbr_mbedtls_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        #endif
        #if WolfSSL
        case let .wolfssl(context):
            return fbr_wolfssl_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        #endif
        #if Botan
        case let .botan(context):
            return fbr_botan_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        #endif
        case let .floor(context):
            return fbr_floor_seal_batch(context, bytes, text.count, aad, buffers.aad.count, tag, &counter, frames)
        }
    }

    /// The plaintext an open batch left.
    var openedText: [UInt8] { [UInt8](buffers.text) }
    /// The frame and tag a seal batch left.
    var sealedText: (text: [UInt8], tag: [UInt8]) { ([UInt8](buffers.text), [UInt8](buffers.tag)) }
}
