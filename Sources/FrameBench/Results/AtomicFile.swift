import Foundation

#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Whole-file writes that never leave a partial file: temp file in the same directory,
/// `fsync`, then `rename` (or `link`, which refuses to replace an existing file).
enum AtomicFile {
    /// Creates and removes a temporary file beside `path`, proving the directory accepts one.
    static func probe(directoryOf path: String) throws(ResultsFileError) {
        let (descriptor, temporary) = try makeTemporary(beside: path)
        close(descriptor)
        unlink(temporary)
    }

    /// Writes `data` to `path` atomically; with `overwrite` false an existing file is an error.
    static func write(_ data: Data, to path: String, overwrite: Bool) throws(ResultsFileError) {
        let (descriptor, temporary) = try makeTemporary(beside: path)
        // A second Ctrl-C exits at once; it removes this file rather than leave it behind.
        let pending = PendingTemporaryFiles.register(temporary)
        defer { PendingTemporaryFiles.unregister(pending) }
        var failure: String?
        // mkstemps creates the file 0600; give it the mode a plain create would (0666 & ~umask).
        let mask = umask(0)
        umask(mask)
        if fchmod(descriptor, 0o666 & ~mask) != 0 { failure = String(cString: strerror(errno)) }
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .notWritable(path: path, reason: failure)
        }
        if overwrite {
            if rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw .notWritable(path: path, reason: reason)
            }
        } else {
            // link() fails with EEXIST rather than replace a file that appeared meanwhile.
            if link(temporary, path) != 0 {
                let code = errno
                unlink(temporary)
                if code == EEXIST { throw .alreadyExists(path: path) }
                throw .notWritable(path: path, reason: String(cString: strerror(code)))
            }
            unlink(temporary)
        }
        let directory = open(directoryName(of: path), O_RDONLY)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    private static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func makeTemporary(beside path: String) throws(ResultsFileError) -> (Int32, String) {
        let directory = directoryName(of: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notWritable(path: path, reason: "directory \(directory) does not exist")
        }
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory)/.\(name).XXXXXX.tmp".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard descriptor >= 0 else {
            throw .notWritable(path: path, reason: String(cString: strerror(errno)))
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return (descriptor, temporary)
    }
}
