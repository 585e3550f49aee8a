import CEditLine
import CEditLineShim
import Foundation

/// A libedit line editor: emacs keys, `~/.editrc`, persistent history with Ctrl-R search,
/// TAB completion, and Ctrl-C that discards the line. Use it only when standard input and
/// output are both terminals.
public final class EditLineReader: LineReader {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: String?
    /// What the prompt callback shows, and the completer TAB calls: libedit reaches them
    /// through EL_CLIENTDATA.
    /// The prompt as a C string that stays put while libedit holds it.
    fileprivate var promptText: UnsafeMutablePointer<CChar>? = strdup("")
    fileprivate var completer: Completer?

    /// The most history lines kept.
    public static let historySize = 1_000

    /// Opens the editor on the process's terminal; `historyFile` is created as needed.
    /// Nil when libedit cannot start.
    public init?(program: String, historyFile: String?) {
        _ = vsw_set_utf8_locale()
        guard let editor = vsw_el_init(program) else { return nil }
        guard let history = vsw_history_init(Int32(Self.historySize)) else {
            vsw_el_end(editor)
            return nil
        }
        self.editor = editor
        self.history = history
        self.historyFile = historyFile
        Interrupts.install()
        vsw_el_set_signal(editor, 1)
        vsw_el_set_editor(editor, "emacs")
        vsw_el_set_history(editor, history)
        vsw_el_set_prompt(editor, editLinePrompt)
        vsw_el_add_function(editor, "vsw-complete", "Complete the word before the cursor", editLineComplete)
        vsw_el_bind(editor, "^I", "vsw-complete")
        vsw_el_bind(editor, "^R", "em-inc-search-prev")
        vsw_el_source_editrc(editor)
        vsw_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        if let historyFile {
            let folder = (historyFile as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = vsw_history_load(history, historyFile)
        }
    }

    deinit {
        vsw_el_end(editor)
        vsw_history_end(history)
        free(promptText)
    }

    public func readLine(prompt: String, completer: Completer?) -> LineInput {
        free(promptText)
        promptText = strdup(prompt)
        self.completer = completer
        _ = Interrupts.take()
        var count: Int32 = 0
        guard let bytes = el_gets(editor, &count) else {
            // Ctrl-C makes el_gets return NULL (with EINTR); so does Ctrl-D on an empty line.
            // Only the flag tells them apart: errno may be left over from an earlier call.
            if Interrupts.take() {
                el_reset(editor)
                Terminal.write("\n")
                return .interrupted
            }
            Terminal.write("\n")
            return .end
        }
        if count <= 0 {
            Terminal.write("\n")
            return .end
        }
        var line = String(cString: bytes)
        if line.hasSuffix("\n") { line.removeLast() }
        if Interrupts.take() {
            Terminal.write("\n")
            return .interrupted
        }
        if !line.allSatisfy({ $0 == " " || $0 == "\t" }) {
            vsw_history_enter(history, line)
            if let historyFile { _ = vsw_history_save(history, historyFile) }
        }
        return .line(line)
    }

    /// Inserts the completion for the text before the cursor, or lists the candidates.
    fileprivate func complete() -> UInt8 {
        guard let completer, let info = el_line(editor) else { return UInt8(CC_ERROR) }
        let before = info.pointee.cursor - info.pointee.buffer
        let bytes = UnsafeRawBufferPointer(start: info.pointee.buffer, count: max(0, before))
        let text = String(decoding: bytes, as: UTF8.self)
        let completions = completer(text)
        guard !completions.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let typed = String(text.suffix(completions.replacing))
        let prefix = completions.commonPrefix
        if completions.candidates.count == 1 {
            let only = completions.candidates[0]
            // A folder, a stage path or a field target goes on; anything else ends a word.
            let goesOn = only.hasSuffix("/") || only.hasSuffix(".") || only.hasSuffix("\"/")
            replace(completions.replacing, with: goesOn ? only : only + " ")
            return UInt8(CC_REFRESH)
        }
        if prefix.count > typed.count {
            replace(completions.replacing, with: prefix)
            return UInt8(CC_REFRESH)
        }
        // Nothing more in common: show the choices under the line, then redraw it.
        Terminal.write("\n" + Self.columns(completions.candidates, width: Self.terminalWidth()) + "\n")
        return UInt8(CC_REDISPLAY)
    }

    private func replace(_ count: Int, with text: String) {
        if count > 0 { el_deletestr(editor, Int32(count)) }
        _ = text.withCString { el_insertstr(editor, $0) }
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }

    /// Candidates in columns across `width`, as shells list completions.
    static func columns(_ items: [String], width: Int) -> String {
        let cell = (items.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / max(1, cell))
        var lines: [String] = []
        var line = ""
        for (index, item) in items.enumerated() {
            line += item.padding(toLength: cell, withPad: " ", startingAt: 0)
            if (index + 1) % perLine == 0 {
                lines.append(line.trimmingCharacters(in: .whitespaces))
                line = ""
            }
        }
        if !line.isEmpty { lines.append(line.trimmingCharacters(in: .whitespaces)) }
        return lines.joined(separator: "\n")
    }

    fileprivate static func from(_ editor: OpaquePointer?) -> EditLineReader? {
        guard let editor, let data = vsw_el_get_clientdata(editor) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }
}

/// libedit's prompt callback: the prompt of the reader this editor belongs to.
private func editLinePrompt(_ editor: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    EditLineReader.from(editor)?.promptText
}

/// libedit's TAB callback.
private func editLineComplete(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
    EditLineReader.from(editor)?.complete() ?? UInt8(CC_ERROR)
}
