// Raised when a send cannot start because another run holds the issue.
namespace Newsletter.Delivery;

/// <summary>Another run holds the send lease; nothing was sent.</summary>
public sealed class SendBlockedException(string message) : Exception(message);
