import SBCMSSource

/// Turns YAML maps from content into the plain dictionaries layouts read.
enum YAMLValueBridge {
    static func dictionary(_ map: YAMLMap) -> [String: Any] {
        (YAMLValue.map(map).templateValue as? [String: Any]) ?? [:]
    }
}
