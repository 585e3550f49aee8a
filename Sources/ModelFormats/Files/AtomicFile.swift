#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; the old file, if any, is untouched.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Durable, atomic file replacement: write a temporary file beside the target, fsync it,
/// rename it over the target, fsync the folder. A crash leaves the old file or the new one.
public enum AtomicFile {
    /// Writes `text` to `path`; `beforeReplacing` runs once the new text is durable and
    /// before it replaces the old file (a failure there leaves the old file in place).
    public static func write(_ text: String, to path: String,
                             beforeReplacing: () throws(FileWriteError) -> Void = {}) throws(FileWriteError) {
        let folder = FileIO.folder(of: path)
        let base = path.split(separator: "/").last.map(String.init) ?? path
        func fail(_ step: String) -> FileWriteError {
            FileWriteError(path: path, reason: "\(step): \(String(cString: strerror(errno)))")
        }
        // A fresh name, made only if nothing is there and never through a symlink: a link
        // planted at a predictable name cannot redirect the write elsewhere.
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<8 where descriptor < 0 {
            temporary = "\(folder)/.\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor < 0, errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw fail("cannot create a file in '\(folder)'") }
        guard FileIO.writeAll(descriptor, Array(text.utf8)) else {
            let error = fail("write failed")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard fsync(descriptor) == 0 else {
            let error = fail("fsync failed")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        do {
            try beforeReplacing()
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = fail("rename failed")
            unlink(temporary)
            throw error
        }
        FileIO.syncFolder(folder)
    }
}
