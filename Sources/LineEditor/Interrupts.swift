import Foundation
import CEditLineShim

/// Ctrl-C, as a flag: the SIGINT handler only sets it. The line editor turns it into a
/// fresh prompt; long computations poll it to stop.
public enum Interrupts {
    /// Installs the handler (without SA_RESTART, so a blocked read returns).
    public static func install() {
        vsw_install_interrupt_handler()
    }

    /// Whether Ctrl-C was pressed since the last call; clears it.
    public static func take() -> Bool {
        vsw_take_interrupt() != 0
    }

    /// Whether Ctrl-C is pending, leaving it set.
    public static var pending: Bool {
        vsw_interrupt_pending() != 0
    }
}

/// Unbuffered writes to standard output, so a prompt shows before the read that waits.
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
