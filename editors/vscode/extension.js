// Starts `mslint server` (LSP over stdio) for Python files.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function serverCommand(config) {
  const path = config.get("path");
  if (Array.isArray(path) && path.length > 0) {
    return { command: path[0], args: [...path.slice(1), "server"] };
  }
  return { command: config.get("interpreter"), args: ["-m", "mslint", "server"] };
}

async function start() {
  const config = vscode.workspace.getConfiguration("mslint");
  const folders = vscode.workspace.workspaceFolders;
  const { command, args } = serverCommand(config);
  const serverOptions = { command, args, options: { cwd: folders ? folders[0].uri.fsPath : undefined } };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "python" },
      { scheme: "untitled", language: "python" },
      // Jupyter notebooks: the server lints a notebook's Python cells together (LSP notebookDocument/*).
      { scheme: "vscode-notebook-cell", language: "python" },
    ],
    initializationOptions: { ...config.get("settings"), "lint-on-change": config.get("lintOnChange") },
  };
  client = new LanguageClient("mslint", "mslint", serverOptions, clientOptions);
  await client.start();
}

async function restart() {
  if (client) {
    await client.stop();
    client = undefined;
  }
  await start();
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("mslint.restart", restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("mslint")) {
        restart();
      }
    }),
  );
  return start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
