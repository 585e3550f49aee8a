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
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = "\(folder)/.\(base).tmp-\(getpid())"
        func fail(_ step: String) -> FileWriteError {
            FileWriteError(path: path, reason: "\(step): \(String(cString: strerror(errno)))")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw fail("cannot create a file in '\(folder)'") }
        guard writeAll(descriptor, Array(text.utf8)) else {
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
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}

/// Writes every byte, retrying after interruptions; false on an error.
private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
    var written = 0
    while written < bytes.count {
        let result = bytes.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return -1 }
            return write(descriptor, base + written, raw.count - written)
        }
        if result < 0, errno == EINTR { continue }
        guard result > 0 else { return false }
        written += result
    }
    return true
}
