// Waits for a server the test started as a child process to answer HTTP.
namespace Newsletter.Integration.Tests.Support;

public static class ServerReady
{
    /// <summary>Returns once <paramref name="url"/> answers at all (any status); fails the test after 15 seconds.</summary>
    public static async Task WaitUntilUp(HttpClient http, string url)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            try
            {
                await http.GetAsync(url);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        Assert.Fail($"{url} did not answer within 15 seconds");
    }
}
