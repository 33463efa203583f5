/// Placeholder until the section is implemented: the courses files a build writes.
public enum CourseTask: Sendable, Hashable {
    /// True for tasks that produce an HTML page.
    public var isPage: Bool {
        switch self {}
    }
}
