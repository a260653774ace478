using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config => config.SetApplicationName("ohealth"));
return await app.RunAsync(args);
