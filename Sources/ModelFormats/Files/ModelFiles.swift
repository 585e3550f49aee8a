import Foundation
import ValueStreams

/// Why a model file could not be opened or saved, before any line of it is read.
public enum ModelFileError: Error, Sendable, CustomStringConvertible {
    /// The path's extension names no model format.
    case unknownFormat(path: String)
    /// A format the workbench knows but cannot read yet.
    case unsupportedFormat(path: String, format: String)
    /// The file could not be read (missing, a folder, too large, not UTF-8).
    case unreadable(path: String, reason: String)
    /// The file was read, and has errors.
    case invalid(ModelLoadError)
    case unwritable(FileWriteError)

    public var description: String {
        switch self {
        case .unknownFormat(let path):
            return "cannot tell the format of '\(path)'; name a .yaml, .yml or .json file, or 'demo'"
        case .unsupportedFormat(let path, let format):
            return "cannot read '\(path)': \(format) files are not supported yet; use .yaml, .yml or .json"
        case .unreadable(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .invalid(let error):
            return error.description
        case .unwritable(let error):
            return error.description
        }
    }
}

/// What `save` did.
public struct SaveReport: Sendable, Equatable {
    public let path: String
    /// Where the old file went because it had comments the new one cannot keep.
    public let backup: String?
}

/// Model files on disk: the built-in demo, reading by extension, and durable saving.
public enum ModelFiles {
    /// The built-in demo organisation, Northwind Bank.
    public static func demo() -> Result<LoadedModel, ModelLoadError> {
        ModelReader.read(DemoOrganisation.yaml, file: "demo")
    }

    /// The demo organisation's YAML text.
    public static var demoText: String { DemoOrganisation.yaml }

    /// Reads the model at `path`; `name` is how diagnostics name the file.
    public static func read(path: String, name: String? = nil) -> Result<LoadedModel, ModelFileError> {
        let shown = name ?? path
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") { return .failure(.unsupportedFormat(path: shown, format: "CSV inventory")) }
        if lowered.hasSuffix(".xml") { return .failure(.unsupportedFormat(path: shown, format: "ArchiMate exchange")) }
        guard ModelFormat(path: path) != nil else { return .failure(.unknownFormat(path: shown)) }
        let text: String
        switch readText(path: path) {
        case .success(let contents): text = contents
        case .failure(let reason): return .failure(.unreadable(path: shown, reason: reason.message))
        }
        return ModelReader.read(text, file: shown).mapError(ModelFileError.invalid)
    }

    /// A file's text, refusing folders, devices, oversized files and invalid UTF-8. Reads
    /// at most one byte past the limit, whatever the file (or a link to it) claims.
    static func readText(path: String) -> Result<String, UnitError> {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) else {
            return .failure(UnitError("no such file"))
        }
        if isFolder.boolValue { return .failure(UnitError("it is a folder, not a file")) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: target)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            return .failure(UnitError("it is not a regular file"))
        }
        guard let handle = FileHandle(forReadingAtPath: target) else {
            return .failure(UnitError("permission denied"))
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: ModelReader.maximumBytes + 1) ?? Data() else {
            return .failure(UnitError("the file could not be read"))
        }
        if data.count > ModelReader.maximumBytes {
            return .failure(UnitError("the file is larger than \(ModelReader.maximumBytes >> 20) MB"))
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            return .failure(UnitError("the file is not UTF-8 text"))
        }
        return .success(text)
    }

    /// The model as file text in `format`.
    public static func render(_ model: Model, as format: ModelFormat) -> String {
        let tree = FileTreeEncoder.encode(model)
        switch format {
        case .yaml: return YAMLWriter.render(tree)
        case .json: return JSONWriter.render(tree)
        }
    }

    /// Saves the model durably in the format `path` names. Saving over a YAML file that has
    /// comments first keeps the old file as `PATH.bak`.
    public static func save(_ model: Model, to path: String) -> Result<SaveReport, ModelFileError> {
        guard let format = ModelFormat(path: path) else { return .failure(.unknownFormat(path: path)) }
        var backup: String?
        do {
            // The old file goes to PATH.bak only once the new one is written and synced, so a
            // failed save leaves the disk as it was.
            try AtomicFile.write(render(model, as: format), to: path) { () throws(FileWriteError) in
                guard format == .yaml, case .success(let old) = readText(path: path), YAMLScan(old).hasComments else { return }
                try AtomicFile.write(old, to: path + ".bak")
                backup = path + ".bak"
            }
        } catch {
            return .failure(.unwritable(error))
        }
        return .success(SaveReport(path: path, backup: backup))
    }
}
