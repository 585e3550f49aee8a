import ArgumentParser
import Foundation

// Bad flags exit with status 2 (ArgumentParser's default is 64); a failed command exits 1.
do {
    var command = try VSW.parseAsRoot()
    try command.run()
} catch {
    if VSW.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((VSW.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    VSW.exit(withError: error)
}
