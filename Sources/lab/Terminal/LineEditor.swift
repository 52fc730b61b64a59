#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small line editor for the interactive `lab sh` prompt: raw-mode terminal input with cursor
/// movement, deletion and a history walked with the up and down arrows. Used only when both
/// standard input and output are terminals.
final class LineEditor {
    /// Earlier lines, oldest first (the session's saved history plus what was typed now).
    private(set) var history: [String]

    init(history: [String]) { self.history = history }

    /// Whether standard input is a terminal (what the docker client checks for `-it`).
    static var stdinIsTerminal: Bool { isatty(0) == 1 }

    /// Whether standard input and output are both terminals.
    static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// What reading a line gave.
    enum Input {
        case line(String)
        case interrupted   // Ctrl-C: abandon the line
        case endOfInput    // Ctrl-D on an empty line
    }

    /// Shows `prompt` and reads one line with editing.
    func readLine(prompt: String) -> Input {
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return fallbackRead(prompt: prompt) }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        tcsetattr(0, TCSANOW, &raw)
        defer { tcsetattr(0, TCSANOW, &saved) }

        var buffer: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        var draft: [Character] = []

        func redraw() {
            var line = "\r\u{1B}[2K" + prompt + String(buffer)
            let back = buffer.count - cursor
            if back > 0 { line += "\u{1B}[\(back)D" }
            emit(line)
        }
        emit(prompt)
        while true {
            guard let byte = readByte() else { return buffer.isEmpty ? .endOfInput : .line(String(buffer)) }
            switch byte {
            case 13, 10:
                emit("\r\n")
                let line = String(buffer)
                if !line.trimmingSpaces.isEmpty { history.append(line) }
                return .line(line)
            case 3:
                emit("^C\r\n")
                return .interrupted
            case 4:
                if buffer.isEmpty { emit("\r\n"); return .endOfInput }
                if cursor < buffer.count { buffer.remove(at: cursor); redraw() }
            case 127, 8:
                if cursor > 0 { buffer.remove(at: cursor - 1); cursor -= 1; redraw() }
            case 1: cursor = 0; redraw()
            case 5: cursor = buffer.count; redraw()
            case 11: buffer.removeSubrange(cursor...); redraw()
            case 21: buffer.removeSubrange(..<cursor); cursor = 0; redraw()
            case 23:
                var start = cursor
                while start > 0 && buffer[start - 1] == " " { start -= 1 }
                while start > 0 && buffer[start - 1] != " " { start -= 1 }
                buffer.removeSubrange(start..<cursor); cursor = start; redraw()
            case 12: emit("\u{1B}[H\u{1B}[2J"); redraw()
            case 27:
                guard readByte() == UInt8(ascii: "["), let code = readByte() else { continue }
                switch code {
                case UInt8(ascii: "A"):
                    if historyIndex > 0 {
                        if historyIndex == history.count { draft = buffer }
                        historyIndex -= 1
                        buffer = Array(history[historyIndex]); cursor = buffer.count; redraw()
                    }
                case UInt8(ascii: "B"):
                    if historyIndex < history.count {
                        historyIndex += 1
                        buffer = historyIndex == history.count ? draft : Array(history[historyIndex])
                        cursor = buffer.count; redraw()
                    }
                case UInt8(ascii: "C"): if cursor < buffer.count { cursor += 1; redraw() }
                case UInt8(ascii: "D"): if cursor > 0 { cursor -= 1; redraw() }
                case UInt8(ascii: "H"): cursor = 0; redraw()
                case UInt8(ascii: "F"): cursor = buffer.count; redraw()
                case UInt8(ascii: "3"):
                    _ = readByte()
                    if cursor < buffer.count { buffer.remove(at: cursor); redraw() }
                default: break
                }
            default:
                guard byte >= 32 else { continue }
                var bytes = [byte]
                let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
                for _ in 0..<extra { if let b = readByte() { bytes.append(b) } }
                for ch in String(decoding: bytes, as: UTF8.self) { buffer.insert(ch, at: cursor); cursor += 1 }
                redraw()
            }
        }
    }

    private func fallbackRead(prompt: String) -> Input {
        emit(prompt)
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(0, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func emit(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
    }
}

private extension String {
    var trimmingSpaces: Substring {
        drop { $0 == " " || $0 == "\t" }
    }
}
