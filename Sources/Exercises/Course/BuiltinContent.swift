import Foundation

/// Where the course that ships with the lab (Content/) is found on this machine.
public enum BuiltinContent {
    /// Where the built-in content lives: `$LAB_CONTENT`, else the `Content` folder found walking up
    /// from the running program, else the one beside this source file (for `swift run`/`swift test`).
    public static func directory(executable: String = CommandLine.arguments.first ?? "",
                                        environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = environment["LAB_CONTENT"], !dir.isEmpty { return dir }
        var candidates: [String] = []
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 { candidates.append(url.appendingPathComponent("Content").path); url.deleteLastPathComponent() }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("Content").path)
        var isDir: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/course", isDirectory: &isDir) && isDir.boolValue }
    }
}
