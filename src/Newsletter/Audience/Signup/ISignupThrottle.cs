// What the sign-up service asks of a throttle, whether it counts in memory or in the shared database.
namespace Newsletter.Audience.Signup;

/// <summary>
/// A sliding-window limit per key (an address or a client IP): at most a set number of attempts in any window.
/// <see cref="SignupThrottle"/> counts in one process's memory (SQLite, one <c>serve</c>);
/// <see cref="SharedSignupThrottle"/> counts in the database, so attempts made on several web servers add up
/// (PostgreSQL). Implementations are thread-safe; a refused attempt is not counted.
/// </summary>
public interface ISignupThrottle
{
    /// <summary>Records an attempt for <paramref name="key"/> (compared without regard to case).</summary>
    /// <param name="key">What is limited: a normalized address, or a client's IP address.</param>
    /// <param name="cancellationToken">Stops a database-backed throttle's write.</param>
    /// <returns>True when the attempt is allowed and was counted; false when the key has used up its attempts in the window.</returns>
    /// <exception cref="System.Data.Common.DbException">A database-backed throttle could not count the attempt.</exception>
    ValueTask<bool> TryAcquireAsync(string key, CancellationToken cancellationToken = default);
}
