import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report directory in one step: every file goes into a temporary directory beside
/// the destination (each through ``AtomicFile``), which is then renamed into place. A reader
/// sees the old report or the whole new one, and a failure leaves nothing behind.
enum ReportDirectory {
    /// Checks that a report can be written to `path`: its parent exists or can be created,
    /// and `path` is absent or an empty directory, or (with `force`) an earlier report directory.
    static func check(_ path: String, force: Bool) throws(ReportError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue, (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true { return }
        guard isDirectory.boolValue, looksLikeReport(path) else { throw .notAReportDirectory(path: path) }
        if !force { throw .alreadyExists(path: path) }
    }

    /// Writes `files` (name, contents) as the directory `path`.
    static func write(_ files: [(name: String, contents: String)], to path: String, force: Bool) throws(ReportError) {
        let path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        try check(path, force: force)
        let parent = parentDirectory(of: path), name = path.split(separator: "/").last.map(String.init) ?? path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .notWritable(path: parent, reason: "cannot create the directory")
        }
        let temporary = try makeTemporaryDirectory(in: parent, name: name)
        do throws(ReportError) {
            for file in files {
                do {
                    try AtomicFile.write(Data(file.contents.utf8), to: "\(temporary)/\(file.name)", overwrite: false)
                } catch {
                    throw .notWritable(path: "\(path)/\(file.name)", reason: "\(error)")
                }
            }
            let mask = umask(0)
            umask(mask)
            chmod(temporary, 0o777 & ~mask)
            var old: String?
            if FileManager.default.fileExists(atPath: path) {
                let aside = try makeTemporaryDirectory(in: parent, name: name + ".old")
                rmdir(aside)
                guard rename(path, aside) == 0 else { throw .notWritable(path: path, reason: String(cString: strerror(errno))) }
                old = aside
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                if let old { rename(old, path) }
                throw .notWritable(path: path, reason: reason)
            }
            if let old { try? FileManager.default.removeItem(atPath: old) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        let directory = open(parent, O_RDONLY)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    /// Whether `path` holds only what a report writes (Markdown, SVG and HTML files, one of
    /// them `report.md` or `report.html`): the only kind of directory `--force` replaces.
    static func looksLikeReport(_ path: String) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        guard entries.contains("report.md") || entries.contains("report.html") else { return false }
        return entries.allSatisfy { entry in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(path)/\(entry)", isDirectory: &isDirectory)
            return !isDirectory.boolValue && [".md", ".svg", ".html"].contains { entry.hasSuffix($0) }
        }
    }

    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func makeTemporaryDirectory(in parent: String, name: String) throws(ReportError) -> String {
        var template = Array("\(parent)/.\(name).XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw .notWritable(path: parent, reason: String(cString: strerror(errno))) }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
