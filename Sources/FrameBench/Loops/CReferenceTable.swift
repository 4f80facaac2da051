import CFrameReference

/// One C reference's functions (`Sources/CFrameReference`) over its opaque keyed context:
/// what the frames suite's C cases (``ReferenceFrameRunner``) and the overhead suite's
/// c-library layer (``RingReferenceRunner``) call, once per batch (the per-frame loop is C's).
/// ``CReferenceLibrary/table(backend:algorithm:)`` picks one per backend and AEAD.
struct CReferenceTable {
    /// `fbr_*_free`.
    typealias Free = @convention(c) (OpaquePointer?) -> Void
    /// `fbr_*_seal_batch` (CFrameReference.h): context, buffer, size, aad, aad size, tag,
    /// counter, frames.
    typealias SealBatch =
        @convention(c) (
            OpaquePointer?, UnsafeMutablePointer<UInt8>?, Int, UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?,
            UnsafeMutablePointer<UInt64>?, Int
        ) -> Int64
    /// `fbr_*_open_batch`: context, ciphertext, plaintext, size, aad, aad size, tag, nonce,
    /// frames.
    typealias OpenBatch =
        @convention(c) (
            OpaquePointer?, UnsafePointer<UInt8>?, UnsafeMutablePointer<UInt8>?, Int, UnsafePointer<UInt8>?, Int,
            UnsafePointer<UInt8>?, UnsafePointer<UInt8>?, Int
        ) -> Int64
    /// `fbr_*_seal_ring`: context, ring, stride, size, aad size, counter, frames.
    typealias SealRing =
        @convention(c) (
            OpaquePointer?, UnsafeMutablePointer<UInt8>?, Int, Int, Int, UnsafeMutablePointer<UInt64>?, Int
        ) -> Int64
    /// `fbr_*_open_ring`: context, ring, stride, size, aad size, plaintext, first counter,
    /// frames.
    typealias OpenRing =
        @convention(c) (
            OpaquePointer?, UnsafePointer<UInt8>?, Int, Int, Int, UnsafeMutablePointer<UInt8>?, UInt64, Int
        ) -> Int64

    /// What errors call it: the backend, with the SFrame suite for OpenSSL's suite references.
    let label: String
    /// The key's length, which ``new`` is given and reads.
    let keyBytes: Int
    /// A keyed context from the key and its length, or `nil` when the library fails.
    let new: (UnsafePointer<UInt8>?, Int) -> OpaquePointer?
    let free: Free
    let sealBatch: SealBatch
    let openBatch: OpenBatch
    /// The ring loops, or `nil` for a reference without them (OpenSSL's suite references, the
    /// floor).
    let ring: (seal: SealRing, open: OpenRing)?
}
