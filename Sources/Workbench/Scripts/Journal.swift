#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ModelFormats

/// The journal of an interactive session: every line the user enters is appended when it is
/// entered, and its outcome when the command ends, each record written and fsync'd at once, so
/// killing the process loses nothing typed. `vsw --recover` lists the journals whose session is
/// over (`unfinished(in:)`) and restores one by replaying its lines.
///
/// A journal is plain UTF-8 text, one record a line, readable by a person:
///
///     vsw-journal 1
///     started 2026-12-01 15:03:07
///     directory /home/ana/streams
///     seed 42
///     output text
///     version 0.1.0
///     > load model checkout.yaml
///     = ok
///     > simulate
///
/// `> TEXT` is an entered line, `= ok` / `= failed` the outcome of the line before it; a line with
/// no outcome after it was still running. In header values and entered text `\` is written `\\`,
/// a newline `\n` and a carriage return `\r`, so that every record is one physical line.
///
/// The session holds an exclusive flock(2) on its file while it runs: a journal nobody holds
/// the lock of belongs to a session that is over.
public struct Journal: ~Copyable, Sendable {
    /// Where and how the session started: what replaying it needs besides its lines.
    public struct Header: Sendable, Equatable {
        /// When the session started, in UTC, e.g. `2026-12-01 15:03:07`; names the file.
        public var started: String
        /// The working directory relative paths resolve against.
        public var directory: String
        /// The session's random seed.
        public var seed: UInt64
        /// The output mode's name, e.g. `text`.
        public var output: String
        /// The version of vsw that wrote the journal.
        public var version: String
        /// The session's date (`YYYY-MM-DD`), which its dates come from; optional, written
        /// after the other fields.
        public var today: String?

        /// A header with the given fields.
        public init(started: String, directory: String, seed: UInt64, output: String, version: String, today: String? = nil) {
            self.started = started
            self.directory = directory
            self.seed = seed
            self.output = output
            self.version = version
            self.today = today
        }
    }

    /// How an entered line's command ended.
    public enum Outcome: String, Sendable {
        case ok
        case failed
    }

    /// One entered line, read back.
    public struct Line: Sendable, Equatable {
        /// The text as entered; continued lines are joined by newlines.
        public let text: String
        /// How its command ended; nil if it never finished (it was running when the session ended).
        public let outcome: Outcome?

        /// A line with the given text and outcome.
        public init(text: String, outcome: Outcome?) {
            self.text = text
            self.outcome = outcome
        }
    }

    /// What a journal file holds, read back.
    public struct Contents: Sendable, Equatable {
        /// The journal file.
        public let path: String
        /// Where and how its session started.
        public let header: Header
        /// The lines entered, in order.
        public let lines: [Line]

        /// Contents with the given fields.
        public init(path: String, header: Header, lines: [Line]) {
            self.path = path
            self.header = header
            self.lines = lines
        }
    }

    /// The largest journal `read(path:)` accepts: 64 MB.
    public static let maximumSize = 64 << 20

    /// The first line of every journal.
    static let magic = "vsw-journal 1"

    /// The file name's extension.
    static let fileExtension = ".journal"

    private let descriptor: Int32
    private let folder: String
    /// The file's length up to the end of its last complete record: a failed write is cut back to it.
    private var length: Int
    /// Whether the last record is an entered line with no outcome yet.
    private var waiting = false

    /// The journal file.
    public let path: String

    private init(descriptor: Int32, path: String, folder: String, length: Int) {
        self.descriptor = descriptor
        self.path = path
        self.folder = folder
        self.length = length
    }

    deinit {
        closeDescriptor(descriptor)
    }

    /// Starts the journal of a new session in `folder`, creating the folder (and its parents, mode
    /// 0700) if needed. The file (mode 0600) is named after the start time and the process id, e.g.
    /// `20261201-150307-12345.journal`, with a suffix (`-2`, `-3`, …) if that name is taken. The
    /// session holds an exclusive flock(2) on it until the journal is closed or removed. The header
    /// is written and fsync'd before this returns.
    public static func start(in folder: String, header: Header) throws(JournalError) -> Journal {
        try makeFolder(folder)
        let stem = "\(stamp(header.started))-\(getpid())"
        var attempt = 1
        var path = ""
        var descriptor: Int32 = -1
        while descriptor < 0 {
            let name = attempt == 1 ? stem : "\(stem)-\(attempt)"
            path = join(folder, name + fileExtension)
            descriptor = openFile(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                let code = errno
                guard code == EEXIST, attempt < 10_000 else {
                    throw JournalError(.write, path, reason: "cannot create the file: \(describe(code))")
                }
                attempt += 1
            }
        }
        // No one else has a reason to lock a file just created, but `unfinished(in:)` may be testing
        // it this very moment: it holds the lock only as long as it takes to read the empty file.
        if !lock(descriptor, blocking: false) {
            var code = errno
            let locked = (code == EWOULDBLOCK || code == EAGAIN) && lock(descriptor, blocking: true)
            if !locked {
                if code == EWOULDBLOCK || code == EAGAIN { code = errno }
                closeDescriptor(descriptor)
                _ = unlink(path)
                throw JournalError(.write, path, reason: "cannot lock the file: \(describe(code))")
            }
        }
        var text = magic + "\n"
        for (key, value) in headerFields(header) {
            text += "\(key) \(escape(value))\n"
        }
        let bytes = Array(text.utf8)
        if let failure = writeRecord(descriptor, bytes) {
            closeDescriptor(descriptor)
            _ = unlink(path)
            throw JournalError(.write, path, reason: failure)
        }
        FileIO.syncFolder(folder)
        return Journal(descriptor: descriptor, path: path, folder: folder, length: bytes.count)
    }

    /// Records a line the user entered, before it runs: one record, written and fsync'd.
    /// On an error the file is left as it was before the call.
    public mutating func entered(_ text: String) throws(JournalError) {
        try append("> " + Journal.escape(text) + "\n")
        waiting = true
    }

    /// Records how the last entered line's command ended: one record, written and fsync'd.
    /// Does nothing if no entered line is waiting for its outcome (e.g. because `entered` failed).
    public mutating func finished(_ outcome: Outcome) throws(JournalError) {
        guard waiting else { return }
        try append("= \(outcome.rawValue)\n")
        waiting = false
    }

    /// The session ended with nothing to lose: deletes the file and closes it.
    public consuming func remove() {
        _ = unlink(path)
        FileIO.syncFolder(folder)
        // The deinitializer closes the descriptor, which releases the lock.
    }

    /// The session ended with unsaved work: closes the file and keeps it, so that it is listed
    /// by `unfinished(in:)`.
    public consuming func close() {
        // The deinitializer closes the descriptor, which releases the lock.
    }

    private mutating func append(_ record: String) throws(JournalError) {
        let bytes = Array(record.utf8)
        if let failure = writeRecord(descriptor, bytes) {
            // Cut a partly written record back off, so that later records start on a line of their own.
            _ = ftruncate(descriptor, off_t(length))
            throw JournalError(.write, path, reason: failure)
        }
        length += bytes.count
    }

    /// The journals in `folder` whose session is over (no process holds their lock), each read
    /// back, newest first (by start time, then by file name). Files that cannot be read or are
    /// not journals are left out; a folder that does not exist has none.
    public static func unfinished(in folder: String) -> [Contents] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var found: [(contents: Contents, name: String)] = []
        for name in names where name.hasSuffix(fileExtension) && !name.hasPrefix(".") {
            let path = join(folder, name)
            let descriptor = openFile(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0)
            guard descriptor >= 0 else { continue }
            defer { closeDescriptor(descriptor) }
            // Held while reading, so that a session starting this moment cannot write its header
            // in between; released when the descriptor closes.
            guard lock(descriptor, blocking: false) else { continue }
            guard let contents = try? readContents(descriptor, path: path, limit: maximumSize) else { continue }
            found.append((contents, name))
        }
        found.sort { first, second in
            if first.contents.header.started != second.contents.header.started {
                return first.contents.header.started > second.contents.header.started
            }
            let (firstNumber, secondNumber) = (sequenceNumber(first.name), sequenceNumber(second.name))
            if firstNumber != secondNumber { return firstNumber > secondNumber }
            return first.name > second.name
        }
        return found.map(\.contents)
    }

    /// Reads one journal file, which may be in use. A torn last record (one a kill cut short:
    /// no newline after it) is ignored. Files larger than `maximumSize` are refused.
    public static func read(path: String) throws(JournalError) -> Contents {
        try read(path: path, limit: maximumSize)
    }

    /// Reads one journal file, refusing one larger than `limit` bytes.
    static func read(path: String, limit: Int) throws(JournalError) -> Contents {
        let descriptor = openFile(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0)
        guard descriptor >= 0 else {
            throw JournalError(.read, path, reason: describe(errno))
        }
        defer { closeDescriptor(descriptor) }
        return try readContents(descriptor, path: path, limit: limit)
    }

    /// Deletes a journal file whose session is over (after it was recovered into a new session,
    /// or discarded). Refuses one a running session holds.
    public static func discard(path: String) throws(JournalError) {
        let descriptor = openFile(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0)
        guard descriptor >= 0 else {
            throw JournalError(.delete, path, reason: describe(errno))
        }
        defer { closeDescriptor(descriptor) }
        guard lock(descriptor, blocking: false) else {
            let code = errno
            let reason = code == EWOULDBLOCK || code == EAGAIN
                ? "a running session is writing it" : "cannot lock the file: \(describe(code))"
            throw JournalError(.delete, path, reason: reason)
        }
        guard unlink(path) == 0 else {
            throw JournalError(.delete, path, reason: describe(errno))
        }
        FileIO.syncFolder(FileIO.folder(of: path))
    }
}

/// Why a journal could not be created, written, read or deleted, naming the file (or folder)
/// and, for a malformed journal, the line.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done.
    public enum Action: String, Sendable {
        case createFolder = "create the journal folder"
        case write = "write the journal"
        case read = "read the journal"
        case delete = "delete the journal"
    }

    /// What was being done.
    public let action: Action
    /// The journal file, or for `createFolder` the folder.
    public let path: String
    /// The line of the file at fault (1-based), for a malformed journal.
    public let line: Int?
    /// What went wrong, e.g. the system's message.
    public let reason: String

    /// An error with the given fields.
    public init(_ action: Action, _ path: String, line: Int? = nil, reason: String) {
        self.action = action
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// E.g. `cannot read the journal '/x/y.journal': line 3: unknown outcome 'maybe'`.
    public var description: String {
        "cannot \(action.rawValue) '\(path)': \(line.map { "line \($0): " } ?? "")\(reason)"
    }
}

// MARK: - The format

extension Journal {
    /// The header's field names, in the order they are written.
    static let headerKeys = ["started", "directory", "seed", "output", "version"]

    /// The header's fields as written, in order.
    static func headerFields(_ header: Header) -> [(String, String)] {
        [("started", header.started), ("directory", header.directory), ("seed", String(header.seed)),
         ("output", header.output), ("version", header.version)] + (header.today.map { [("today", $0)] } ?? [])
    }

    /// Header fields a journal may leave out.
    static let optionalHeaderKeys = ["today"]

    /// `text` with `\`, newline and carriage return escaped, so that it fits on one line.
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text `escape` wrote, or nil for an escape it does not write.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.contains(UInt8(ascii: "\\")) else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                continue
            }
            guard index < bytes.endIndex else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\\"): result.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): result.append(UInt8(ascii: "\r"))
            default: return nil
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The file name's time stamp, `YYYYMMDD-HHMMSS`, from the digits of `started`.
    static func stamp(_ started: String) -> String {
        var digits = String(started.unicodeScalars.filter { ("0"..."9").contains($0) }.prefix(14))
        digits += String(repeating: "0", count: 14 - digits.count)
        return "\(digits.prefix(8))-\(digits.suffix(6))"
    }

    /// The suffix `start` added to a taken name (`…-12345-2.journal` is 2), 1 if none.
    static func sequenceNumber(_ name: String) -> Int {
        let parts = name.dropLast(fileExtension.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, let number = Int(parts[3]) else { return 1 }
        return number
    }

    /// Reads and parses the file open on `descriptor`.
    static func readContents(_ descriptor: Int32, path: String, limit: Int) throws(JournalError) -> Contents {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw JournalError(.read, path, reason: describe(errno))
        }
        guard status.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG) else {
            throw JournalError(.read, path, reason: "not a regular file")
        }
        let size = limit >= 1 << 20 && limit % (1 << 20) == 0 ? "\(limit >> 20) MB" : "\(limit) bytes"
        let tooLarge = JournalError(.read, path, reason: "larger than \(size), too large for a journal")
        guard Int(status.st_size) <= limit else { throw tooLarge }
        guard let bytes = readAll(descriptor, limit: limit) else {
            throw JournalError(.read, path, reason: describe(errno))
        }
        guard bytes.count <= limit else { throw tooLarge }
        return try parse(bytes, path: path)
    }

    /// The journal `bytes` hold; a last record with no newline after it is ignored.
    static func parse(_ bytes: [UInt8], path: String) throws(JournalError) -> Contents {
        let newline = UInt8(ascii: "\n")
        // Complete records only: whatever follows the last newline was cut short.
        let end = (bytes.lastIndex(of: newline)).map { $0 + 1 } ?? 0
        var records: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < end {
            if bytes[index] == newline {
                records.append(bytes[start..<index])
                start = index + 1
            }
            index += 1
        }
        func fail(_ line: Int, _ reason: String) -> JournalError {
            JournalError(.read, path, line: line, reason: reason)
        }
        guard let first = records.first else {
            throw JournalError(.read, path, reason: bytes.isEmpty ? "the file is empty" : "not a vsw journal: no complete line")
        }
        // Every record as text, checked to be UTF-8.
        func text(_ number: Int, _ record: ArraySlice<UInt8>) throws(JournalError) -> ArraySlice<UInt8> {
            let invalid = transcode(record.makeIterator(), from: UTF8.self, to: UTF32.self,
                                    stoppingOnError: true, into: { _ in })
            guard !invalid else { throw fail(number, "not valid UTF-8") }
            return record
        }
        let magicLine = String(decoding: try text(1, first), as: UTF8.self)
        guard magicLine == magic else {
            if magicLine.hasPrefix("vsw-journal ") {
                throw fail(1, "unsupported journal version '\(magicLine.dropFirst("vsw-journal ".count))'")
            }
            throw fail(1, "not a vsw journal (the first line is not '\(magic)')")
        }
        var fields: [String: String] = [:]
        var fieldLines: [String: Int] = [:]
        let keys = headerKeys
        var number = 1
        var position = 1
        // The header: `key value` lines up to the first record.
        while position < records.count {
            let record = try text(position + 1, records[position])
            if let marker = record.first, marker == UInt8(ascii: ">") || marker == UInt8(ascii: "=") { break }
            number = position + 1
            guard let space = record.firstIndex(of: UInt8(ascii: " ")) else {
                throw fail(number, "expected a header field ('key value'), found '\(excerpt(record))'")
            }
            let key = String(decoding: record[record.startIndex..<space], as: UTF8.self)
            guard keys.contains(key) || optionalHeaderKeys.contains(key) else { throw fail(number, "unknown header field '\(excerpt(record[..<space]))'") }
            guard fields[key] == nil else { throw fail(number, "the header has two '\(key)' fields") }
            guard let value = unescape(record[(space + 1)...]) else { throw fail(number, "a bad escape ('\\' not followed by '\\', 'n' or 'r')") }
            fields[key] = value
            fieldLines[key] = number
            position += 1
        }
        for key in keys where fields[key] == nil {
            throw fail(position + 1, "the header has no '\(key)' field")
        }
        guard let seed = UInt64(fields["seed", default: ""]) else {
            throw fail(fieldLines["seed", default: 1], "the seed '\(fields["seed", default: ""])' is not a whole number")
        }
        let header = Header(started: fields["started", default: ""], directory: fields["directory", default: ""],
                            seed: seed, output: fields["output", default: ""], version: fields["version", default: ""],
                            today: fields["today"])
        // The records: `> TEXT` and `= OUTCOME`.
        var lines: [Line] = []
        var waiting: String?
        while position < records.count {
            number = position + 1
            let record = try text(number, records[position])
            position += 1
            if record.starts(with: [UInt8(ascii: ">"), UInt8(ascii: " ")]) {
                guard let entered = unescape(record.dropFirst(2)) else {
                    throw fail(number, "a bad escape ('\\' not followed by '\\', 'n' or 'r')")
                }
                if let previous = waiting { lines.append(Line(text: previous, outcome: nil)) }
                waiting = entered
            } else if record.starts(with: [UInt8(ascii: "="), UInt8(ascii: " ")]) {
                let name = String(decoding: record.dropFirst(2), as: UTF8.self)
                guard let outcome = Outcome(rawValue: name) else {
                    throw fail(number, "unknown outcome '\(excerpt(record.dropFirst(2)))' (expected 'ok' or 'failed')")
                }
                guard let entered = waiting else { throw fail(number, "an outcome with no entered line before it") }
                lines.append(Line(text: entered, outcome: outcome))
                waiting = nil
            } else {
                throw fail(number, "expected '> TEXT' or '= ok' / '= failed', found '\(excerpt(record))'")
            }
        }
        if let last = waiting { lines.append(Line(text: last, outcome: nil)) }
        return Contents(path: path, header: header, lines: lines)
    }

    /// The start of a record, for a message.
    private static func excerpt(_ record: ArraySlice<UInt8>) -> String {
        let text = String(decoding: record, as: UTF8.self)
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

// MARK: - The system

// Free functions, so that `close`, `read` and `write` mean the system's and not Journal's members.

/// `folder` and `name` joined by one slash.
private func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
}

/// The system's message for an error number, with its name, e.g. `Permission denied`.
private func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
}

private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    while true {
        let descriptor = open(path, flags, mode)
        if descriptor < 0, errno == EINTR { continue }
        return descriptor
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

/// Takes an exclusive flock(2) on `descriptor`; false with `errno` set if it cannot.
private func lock(_ descriptor: Int32, blocking: Bool) -> Bool {
    while true {
        if flock(descriptor, blocking ? LOCK_EX : LOCK_EX | LOCK_NB) == 0 { return true }
        if errno != EINTR { return false }
    }
}

/// Writes all of `bytes`, then fsyncs; nil on success, else why it failed.
private func writeRecord(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
    guard FileIO.writeAll(descriptor, bytes) else {
        return "write failed: \(errno == 0 ? "nothing was written" : describe(errno))"
    }
    while fsync(descriptor) != 0 {
        if errno != EINTR { return "fsync failed: \(describe(errno))" }
    }
    return nil
}

/// Reads to the end of the file, but no more than `limit + 1` bytes (enough to tell the file is
/// too large); nil with `errno` set on an error.
private func readAll(_ descriptor: Int32, limit: Int) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
        let wanted = min(chunk.count, limit + 1 - bytes.count)
        let result = chunk.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return read(descriptor, base, wanted)
        }
        if result < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if result == 0 { break }
        bytes.append(contentsOf: chunk[..<result])
    }
    return bytes
}

/// Whether `path` is a folder; nil if nothing is there (or it cannot be looked at).
private func isFolder(_ path: String) -> Bool? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return status.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR)
}

/// Creates `folder` and any missing parents, mode 0700 (less the umask), like `mkdir -p`.
private func makeFolder(_ folder: String) throws(JournalError) {
    func make(_ path: String) throws(JournalError) {
        switch isFolder(path) {
        case true?: return
        case false?:
            throw JournalError(.createFolder, folder, reason: path == folder ? "a file is in the way" : "'\(path)' is not a folder")
        case nil:
            let above = FileIO.folder(of: path)
            if above != path { try make(above) }
            if mkdir(path, 0o700) != 0 {
                let code = errno
                guard code == EEXIST, isFolder(path) == true else {
                    throw JournalError(.createFolder, folder, reason: path == folder ? describe(code) : "cannot create '\(path)': \(describe(code))")
                }
            }
        }
    }
    guard !folder.isEmpty else { throw JournalError(.createFolder, folder, reason: "no folder given") }
    try make(folder)
}
