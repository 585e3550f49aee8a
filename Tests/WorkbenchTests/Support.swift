import Foundation
import ModelFormats
import Testing
@testable import Workbench

// Driving a session from a test: the helpers the suites share.

/// Command text as if piped in, with relative paths resolved against `folder`.
func source(_ text: String, in folder: String = "/") -> Source {
    Source(name: .standardInput, text: text, baseDirectory: folder)
}

/// Runs a line and returns the last command's reply, failing the test on an error.
@discardableResult
func run(_ session: inout Session, _ text: String, in folder: String = "/") throws -> Reply {
    try #require(session.run(source(text, in: folder)).last).get()
}

/// Runs a line and returns the error its last command failed with, if it failed.
func failure(_ session: inout Session, _ text: String, in folder: String = "/") -> LanguageError? {
    guard case .failure(let error)? = session.run(source(text, in: folder)).last else { return nil }
    return error
}

/// The current model as `save model` would write it in YAML.
func saved(_ session: Session) throws -> String {
    ModelFiles.render(try #require(session.model), as: .yaml)
}

/// A fresh temporary folder for one test, its path with symlinks resolved.
func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vsw-session-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return ReplayPolicy.location(path)
}
