#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import Workbench

/// Runs `body` with a new, empty folder of its own, deleted afterwards.
private func inJournalFolder(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("vsw-journal-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
}

/// A header for a session started at `started`.
private func journalHeader(_ started: String = "2026-12-01 15:03:07", directory: String = "/home/ana/streams") -> Journal.Header {
    Journal.Header(started: started, directory: directory, seed: 42, output: "text", version: "0.1.0")
}

/// Appends `text` to the file at `path` as it is, with no newline added.
private func appendRaw(_ text: String, to path: String) throws {
    let handle = try #require(FileHandle(forWritingAtPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
}

/// Writes `text` as the whole file at `path`.
private func writeRaw(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

private func fileText(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

/// A valid journal with one finished line, as `start` writes it.
private let wellFormed = """
    vsw-journal 1
    started 2026-11-30 08:00:00
    directory /
    seed 1
    output text
    version 0.1.0
    > show model
    = ok

    """

@Suite struct JournalTests {
    @Test func theOptionalDateRoundTrips() throws {
        try inJournalFolder { folder in
            var header = journalHeader()
            header.today = "2026-12-01"
            var journal = try Journal.start(in: folder, header: header)
            let path = journal.path
            try journal.entered("streams")
            journal.close()
            #expect(try Journal.read(path: path).header == header)
            #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\nversion 0.1.0\ntoday 2026-12-01\n> streams\n"))
        }
    }

    @Test func readsBackTheHeaderAndLinesExactly() throws {
        try inJournalFolder { folder in
            let header = journalHeader(directory: "/home/ana/vs\\odd\nname/ünï")
            var journal = try Journal.start(in: folder, header: header)
            let path = journal.path
            let texts = [
                "load model checkout.yaml",
                "set stage review \\\n  capacity 3",
                "a\ttab, a back\\slash, \\n not a newline",
                "ünïcødé 🚦 ✓ 日本",
                "windows\r\nline end, lone \r too",
                "",
                "trailing backslash \\",
            ]
            for (index, text) in texts.enumerated() {
                try journal.entered(text)
                try journal.finished(index.isMultiple(of: 2) ? .ok : .failed)
            }
            journal.close()

            let name = (path as NSString).lastPathComponent
            #expect(name == "20261201-150307-\(getpid()).journal")
            let contents = try Journal.read(path: path)
            let expected = texts.enumerated().map { index, text in
                Journal.Line(text: text, outcome: index.isMultiple(of: 2) ? .ok : .failed)
            }
            #expect(contents == Journal.Contents(path: path, header: header, lines: expected))
        }
    }

    @Test func theFileIsPlainTextOneRecordALine() throws {
        try inJournalFolder { folder in
            var journal = try Journal.start(in: folder, header: journalHeader())
            let path = journal.path
            try journal.entered("load model a.yaml")
            try journal.finished(.ok)
            try journal.entered("set x \\\n y\\z")
            try journal.finished(.failed)
            try journal.entered("simulate")
            journal.close()
            #expect(try fileText(path) == """
                vsw-journal 1
                started 2026-12-01 15:03:07
                directory /home/ana/streams
                seed 42
                output text
                version 0.1.0
                > load model a.yaml
                = ok
                > set x \\\\\\n y\\\\z
                = failed
                > simulate

                """)
        }
    }

    @Test func aLineWithNoOutcomeReadsBackWithNone() throws {
        try inJournalFolder { folder in
            var journal = try Journal.start(in: folder, header: journalHeader())
            let path = journal.path
            try journal.entered("first")
            try journal.entered("second")
            try journal.finished(.ok)
            try journal.entered("running")
            journal.close()
            #expect(try Journal.read(path: path).lines == [
                Journal.Line(text: "first", outcome: nil),
                Journal.Line(text: "second", outcome: .ok),
                Journal.Line(text: "running", outcome: nil),
            ])
        }
    }

    @Test func finishedWithNothingEnteredWritesNothing() throws {
        try inJournalFolder { folder in
            var journal = try Journal.start(in: folder, header: journalHeader())
            let path = journal.path
            try journal.finished(.ok)
            try journal.entered("a")
            try journal.finished(.failed)
            try journal.finished(.ok)
            journal.close()
            #expect(try Journal.read(path: path).lines == [Journal.Line(text: "a", outcome: .failed)])
            #expect(try fileText(path).hasSuffix("> a\n= failed\n"))
        }
    }

    @Test func aTornLastRecordIsIgnored() throws {
        try inJournalFolder { folder in
            var journal = try Journal.start(in: folder, header: journalHeader())
            let path = journal.path
            try journal.entered("kept")
            try journal.finished(.ok)
            try journal.entered("was running")
            journal.close()

            try appendRaw("= o", to: path)
            #expect(try Journal.read(path: path).lines == [
                Journal.Line(text: "kept", outcome: .ok), Journal.Line(text: "was running", outcome: nil),
            ])
            // A torn record cut in the middle of a character and an escape.
            try writeRaw(wellFormed + "> half \u{1F6A6}\\", to: path)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes.removeLast(3)
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(try Journal.read(path: path).lines == [Journal.Line(text: "show model", outcome: .ok)])
        }
    }

    @Test func aLiveJournalIsNotUnfinishedUntilClosed() throws {
        try inJournalFolder { folder in
            var journal = try Journal.start(in: folder, header: journalHeader())
            let path = journal.path
            try journal.entered("work")

            // flock locks belong to the open file description: another descriptor, even in
            // this process, sees the session's lock.
            let probe = open(path, O_RDONLY | O_CLOEXEC)
            try #require(probe >= 0)
            let result = flock(probe, LOCK_EX | LOCK_NB)
            let code = errno
            #expect(result != 0)
            #expect(code == EWOULDBLOCK)
            _ = close(probe)

            #expect(Journal.unfinished(in: folder).isEmpty)
            // It can be read while in use, but not discarded.
            #expect(try Journal.read(path: path).lines == [Journal.Line(text: "work", outcome: nil)])
            let error = #expect(throws: JournalError.self) { try Journal.discard(path: path) }
            #expect(error?.description == "cannot delete the journal '\(path)': a running session is writing it")
            #expect(FileManager.default.fileExists(atPath: path))

            journal.close()
            let unfinished = Journal.unfinished(in: folder)
            #expect(unfinished.map(\.path) == [path])
            #expect(unfinished.first?.lines == [Journal.Line(text: "work", outcome: nil)])
            // Listing does not keep the lock.
            let again = open(path, O_RDONLY | O_CLOEXEC)
            try #require(again >= 0)
            #expect(flock(again, LOCK_EX | LOCK_NB) == 0)
            _ = close(again)

            try Journal.discard(path: path)
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(Journal.unfinished(in: folder).isEmpty)
        }
    }

    @Test func removeDeletesTheFile() throws {
        try inJournalFolder { folder in
            var journal = try Journal.start(in: folder, header: journalHeader())
            let path = journal.path
            try journal.entered("show model")
            try journal.finished(.ok)
            #expect(FileManager.default.fileExists(atPath: path))
            journal.remove()
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
            #expect(Journal.unfinished(in: folder).isEmpty)
        }
    }

    @Test func unfinishedListsNewestFirst() throws {
        try inJournalFolder { folder in
            let older = try Journal.start(in: folder, header: journalHeader("2026-11-30 23:59:59"))
            let olderPath = older.path
            older.close()
            let newer = try Journal.start(in: folder, header: journalHeader("2026-12-02 09:00:00"))
            let newerPath = newer.path
            newer.close()
            // Same second, same process: the name takes a suffix.
            let newest = try Journal.start(in: folder, header: journalHeader("2026-12-02 09:00:00"))
            let newestPath = newest.path
            newest.close()
            let middle = try Journal.start(in: folder, header: journalHeader("2026-12-01 12:00:00"))
            let middlePath = middle.path
            middle.close()

            #expect((newerPath as NSString).lastPathComponent == "20261202-090000-\(getpid()).journal")
            #expect((newestPath as NSString).lastPathComponent == "20261202-090000-\(getpid())-2.journal")
            #expect(Journal.unfinished(in: folder).map(\.path) == [newestPath, newerPath, middlePath, olderPath])
        }
    }

    @Test func malformedFilesAreSkippedAndReadSaysWhereTheyGoWrong() throws {
        try inJournalFolder { folder in
            let good = folder + "/20261130-080000-1.journal"
            try writeRaw(wellFormed, to: good)
            let cases: [(name: String, text: String, error: String)] = [
                ("notes.journal", "hello\n",
                 "line 1: not a vsw journal (the first line is not 'vsw-journal 1')"),
                ("empty.journal", "", "the file is empty"),
                ("future.journal", "vsw-journal 2\n", "line 1: unsupported journal version '2'"),
                ("escape.journal", wellFormed + "> bad \\t escape\n", "line 9: a bad escape ('\\' not followed by '\\', 'n' or 'r')"),
                ("outcome.journal", wellFormed + "> x\n= maybe\n", "line 10: unknown outcome 'maybe' (expected 'ok' or 'failed')"),
                ("orphan.journal", wellFormed + "= ok\n", "line 9: an outcome with no entered line before it"),
                ("record.journal", wellFormed + "simulate\n", "line 9: expected '> TEXT' or '= ok' / '= failed', found 'simulate'"),
                ("seed.journal", wellFormed.replacingOccurrences(of: "seed 1", with: "seed many"),
                 "line 4: the seed 'many' is not a whole number"),
                ("missing.journal", wellFormed.replacingOccurrences(of: "output text\n", with: ""),
                 "line 6: the header has no 'output' field"),
                ("twice.journal", wellFormed.replacingOccurrences(of: "seed 1\n", with: "seed 1\nseed 2\n"),
                 "line 5: the header has two 'seed' fields"),
                ("unknown.journal", wellFormed.replacingOccurrences(of: "seed 1\n", with: "colour blue\n"),
                 "line 4: unknown header field 'colour'"),
                ("utf8.journal", wellFormed + "> caf\u{E9}\n", ""),
            ]
            for item in cases {
                try writeRaw(item.text, to: folder + "/" + item.name)
            }
            // Not valid UTF-8: a lone continuation byte.
            var bytes = Array((wellFormed + "> caf").utf8)
            bytes += [0xA9, 0x0A]
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/utf8.journal"))
            // A folder and a file with another name are not journals either.
            try FileManager.default.createDirectory(atPath: folder + "/folder.journal", withIntermediateDirectories: false)
            try writeRaw("not a journal\n", to: folder + "/readme.txt")

            #expect(Journal.unfinished(in: folder).map(\.path) == [good])
            for item in cases {
                let path = folder + "/" + item.name
                let error = #expect(throws: JournalError.self) { try Journal.read(path: path) }
                let reason = item.name == "utf8.journal" ? "line 9: not valid UTF-8" : item.error
                #expect(error?.description == "cannot read the journal '\(path)': \(reason)")
            }
            let folderError = #expect(throws: JournalError.self) { try Journal.read(path: folder + "/folder.journal") }
            #expect(folderError?.description == "cannot read the journal '\(folder)/folder.journal': not a regular file")
        }
    }

    @Test func aFileTooLargeIsRefused() throws {
        try inJournalFolder { folder in
            let path = folder + "/big.journal"
            try writeRaw(wellFormed, to: path)
            #expect(try Journal.read(path: path, limit: wellFormed.utf8.count).lines.count == 1)
            let error = #expect(throws: JournalError.self) {
                try Journal.read(path: path, limit: wellFormed.utf8.count - 1)
            }
            #expect(error?.description.contains("too large for a journal") == true)
            #expect(Journal.maximumSize == 64 * 1024 * 1024)
        }
    }

    @Test func startCreatesTheFolderPrivately() throws {
        try inJournalFolder { folder in
            let nested = folder + "/state/vsw/journal"
            let journal = try Journal.start(in: nested, header: journalHeader())
            let path = journal.path
            journal.close()
            #expect(path.hasPrefix(nested + "/"))
            let folderMode = try #require(try FileManager.default.attributesOfItem(atPath: nested)[.posixPermissions] as? Int)
            let fileMode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(folderMode & 0o077 == 0)
            #expect(folderMode & 0o700 == 0o700)
            #expect(fileMode & 0o177 == 0)
            #expect(Journal.unfinished(in: nested).map(\.path) == [path])
        }
    }

    @Test func startWhereNoFolderCanBeMadeNamesThePath() throws {
        try inJournalFolder { folder in
            try writeRaw("in the way\n", to: folder + "/plain")
            let target = folder + "/plain/vsw/journal"
            let error = #expect(throws: JournalError.self) {
                _ = try Journal.start(in: target, header: journalHeader())
            }
            #expect(error?.description == "cannot create the journal folder '\(target)': '\(folder)/plain' is not a folder")
            let onFile = #expect(throws: JournalError.self) {
                _ = try Journal.start(in: folder + "/plain", header: journalHeader())
            }
            #expect(onFile?.description.contains("'\(folder)/plain'") == true)
            #expect(Journal.unfinished(in: target).isEmpty)
        }
    }
}
