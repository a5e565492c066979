using ImageBench.Suites;

namespace ImageBench.Configuration;

/// <summary>
/// Bad input from the user (suite, models file, command line). The CLI prints <see cref="Exception.Message"/>
/// on one line — prefixed with file:line:column when known — and exits with code 2. Never a stack trace.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string message) : base(message) { }

    public InputException(SourceLocation location, string message)
        : base($"{location}: {message}") => Location = location;

    public InputException(string message, Exception inner) : base(message, inner) { }

    public SourceLocation? Location { get; }
}
