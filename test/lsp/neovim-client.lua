-- A real Neovim (0.7+, headless) as the language client: started by test/lsp/neovim.test.ts with a
-- job file (JSON) naming the storyboard, the server and the positions to ask about. It attaches the
-- server with vim.lsp.start_client (0.7 has no vim.lsp.start), runs each step, and writes what it saw
-- to the job's output file, then quits. Positions are LSP (UTF-16) positions computed by the test.

local job = vim.fn.json_decode(table.concat(vim.fn.readfile(vim.env.SORA_NVIM_JOB), '\n'))
local out = { steps = {} }
local timeout = 15000

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(out) }, job.output)
  vim.cmd('qa!')
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if not responses then error(method .. ': ' .. tostring(err)) end
  for _, response in pairs(responses) do
    if response.error then error(method .. ': ' .. vim.inspect(response.error)) end
    return response.result
  end
  error(method .. ': no response')
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(job.file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'sora',
    cmd = job.cmd,
    root_dir = job.root,
    capabilities = vim.lsp.protocol.make_client_capabilities(),
  })
  if not client_id then error('the server did not start') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  local doc = { uri = uri }

  -- Diagnostics, as Neovim stores them: 0-based line and byte column.
  local ok = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  if not ok then error('no diagnostics arrived') end
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
  end
  out.diagnostics = diagnostics
  out.offset_encoding = client.offset_encoding
  out.server_commands = (client.server_capabilities or client.resolved_capabilities or {}).executeCommandProvider
  table.insert(out.steps, 'diagnostics')

  local hover = request(bufnr, 'textDocument/hover', { textDocument = doc, position = job.hover })
  out.hover = hover and hover.contents
  table.insert(out.steps, 'hover')

  local completion = request(bufnr, 'textDocument/completion', { textDocument = doc, position = job.completion })
  out.completion = completion and (completion.items or completion) or {}
  table.insert(out.steps, 'completion')

  local lenses = request(bufnr, 'textDocument/codeLens', { textDocument = doc })
  out.lenses = lenses
  for _, lens in ipairs(lenses or {}) do
    if lens.command and lens.command.command == 'sora.server.compileVariant' then
      out.executed = request(bufnr, 'workspace/executeCommand', { command = lens.command.command, arguments = lens.command.arguments })
      break
    end
  end
  table.insert(out.steps, 'codeLens')

  -- A quick fix, applied the way Neovim applies any workspace edit.
  local actions = request(bufnr, 'textDocument/codeAction', {
    textDocument = doc,
    range = job.fix.diagnostic.range,
    context = { diagnostics = { job.fix.diagnostic }, only = { 'quickfix' } },
  })
  local chosen
  for _, action in ipairs(actions or {}) do
    if action.title == job.fix.title then chosen = action end
  end
  if not chosen then error('no action "' .. job.fix.title .. '" in ' .. vim.inspect(actions)) end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  out.after_fix = buffer_text(bufnr)
  table.insert(out.steps, 'quickfix')

  local rename = request(bufnr, 'textDocument/rename', { textDocument = doc, position = job.rename.position, newName = job.rename.newName })
  vim.lsp.util.apply_workspace_edit(rename, client.offset_encoding)
  out.after_rename = buffer_text(bufnr)
  table.insert(out.steps, 'rename')

  local edits = request(bufnr, 'textDocument/formatting', { textDocument = doc, options = { tabSize = 2, insertSpaces = true } })
  vim.lsp.util.apply_text_edits(edits or {}, bufnr, client.offset_encoding)
  out.after_format = buffer_text(bufnr)
  table.insert(out.steps, 'formatting')

  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(run)
if not ok then out.error = tostring(err) end
finish()
