import Foundation

/// Autolock: `docker swarm init --autolock`, `docker swarm update --autolock=true|false` and
/// `docker swarm unlock-key [-q] [--rotate]` (docker/cli v28.2.2 cli/command/swarm/init.go,
/// update.go, unlock_key.go). The key is swarmkit's: `SWMKEY-1-` and 32 random bytes in
/// unpadded base64 (moby/swarmkit manager/encryption/encryption.go, HumanReadableKey).
enum SwarmAutolock {
    /// A new manager unlock key.
    static func newKey(_ ids: inout IDSource) -> String {
        var bytes: [UInt8] = []
        for _ in 0..<4 { withUnsafeBytes(of: ids.next().littleEndian) { bytes += $0 } }
        return "SWMKEY-1-" + Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// printUnlockCommand (unlock_key.go).
    static func unlockCommand(_ key: String) -> String {
        "To unlock a swarm manager after it restarts, run the `docker swarm unlock`\ncommand and provide the following key:\n\n    \(key)\n\n"
            + "Remember to store this key in a password manager, since without it you\nwill not be able to restart the manager.\n"
    }

    /// `docker swarm update`: the spec's settings; with autolock newly on, the new key's instructions.
    static func update(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: inout Lab) throws(EngineError) -> Int32 {
        try lab.requireManager()
        guard var swarm = lab.swarm else { return 1 }
        if let limit = i.value("task-history-limit").flatMap({ Int($0) }) { swarm.historyLimit = limit }
        let wasLocked = swarm.unlockKey != nil
        if i.value("autolock") != nil {
            if !i.flag("autolock") { swarm.unlockKey = nil } else if !wasLocked { swarm.unlockKey = newKey(&lab.ids) }
        }
        swarm.version = swarm.nextVersion()
        lab.swarm = swarm
        p.write("Swarm updated.\n")
        if let key = swarm.unlockKey, !wasLocked { p.write(unlockCommand(key)) }
        return 0
    }

    /// `docker swarm unlock-key`: the key, or with --rotate a new one first.
    static func unlockKey(_ i: DockerInvocation, _ p: inout ProcessContext, _ lab: inout Lab) throws(EngineError) -> Int32 {
        try lab.requireManager()
        guard var swarm = lab.swarm else { return 1 }
        if i.flag("rotate") {
            // A status of -1: the client's own refusal, without the daemon's prefix.
            guard swarm.unlockKey != nil else { throw .other("cannot rotate because autolock is not turned on", status: -1) }
            swarm.unlockKey = newKey(&lab.ids)
            swarm.version = swarm.nextVersion()
            lab.swarm = swarm
            if !i.flag("quiet") { p.write("Successfully rotated manager unlock key.\n") }
        }
        guard let key = swarm.unlockKey else { throw .other("no unlock key is set", status: -1) }
        p.write(i.flag("quiet") ? key + "\n" : unlockCommand(key))
        return 0
    }
}
