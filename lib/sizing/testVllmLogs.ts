/**
 * Real vLLM start-up log excerpts, copied from public sources (each cited), for the log reader's
 * and the log check's tests. Test data only: not exported from the barrel.
 */

/**
 * vLLM v0.19.0, meta-llama/Llama-3.1-8B-Instruct BF16, TP 1, one H100 80GB, --max-model-len 8192
 * --gpu-memory-utilization 0.95. Source: llm-d-incubation/llm-d-planner, commit d3121e0,
 * accuracy/results/v0.19.0/logs/meta-llama-llama-3-1-8b---h100-80gb--tp1pp1dp1--8192.log, lines 21, 25, 34, 35,
 * 63 (cut after `device_config=cuda,`; the rest is compilation settings), 75, 105, 372, 373, 375, 376, 690.
 */
export const LOG_V0_19_LLAMA_8B_TP1 = [
  '(APIServer pid=1) INFO 04-22 00:03:35 [entrypoints/utils.py:299]  ▄▄ ▄█ █     █     █ ▀▄▀ █  version 0.19.0\r',
  "(APIServer pid=1) INFO 04-22 00:03:35 [entrypoints/utils.py:233] non-default args: {'model_tag': 'meta-llama/Llama-3.1-8B-Instruct', 'model': 'meta-llama/Llama-3.1-8B-Instruct', 'max_model_len': 8192, 'gpu_memory_utilization': 0.95, 'enable_prefix_caching': False}",
  '(APIServer pid=1) DEBUG 04-22 00:03:36 [engine/arg_utils.py:2232] Defaulting max_num_batched_tokens to 8192 for OPENAI_API_SERVER usage context.',
  '(APIServer pid=1) DEBUG 04-22 00:03:36 [engine/arg_utils.py:2242] Defaulting max_num_seqs to 1024 for OPENAI_API_SERVER usage context.',
  "(EngineCore pid=242) INFO 04-22 00:03:46 [v1/engine/core.py:105] Initializing a V1 LLM engine (v0.19.0) with config: model='meta-llama/Llama-3.1-8B-Instruct', speculative_config=None, tokenizer='meta-llama/Llama-3.1-8B-Instruct', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, tokenizer_revision=None, trust_remote_code=False, dtype=torch.bfloat16, max_seq_len=8192, download_dir=None, load_format=auto, tensor_parallel_size=1, pipeline_parallel_size=1, data_parallel_size=1, decode_context_parallel_size=1, dcp_comm_backend=ag_rs, disable_custom_all_reduce=False, quantization=None, enforce_eager=False, enable_return_routed_experts=False, kv_cache_dtype=auto, device_config=cuda,",
  '(EngineCore pid=242) DEBUG 04-22 00:03:47 [v1/worker/gpu_worker.py:285] worker requested memory: 75.23GiB',
  '(EngineCore pid=242) INFO 04-22 00:04:02 [v1/worker/gpu_model_runner.py:4820] Model loading took 14.99 GiB memory and 14.429680 seconds',
  '(EngineCore pid=242) DEBUG 04-22 00:04:20 [v1/worker/gpu_worker.py:435] Memory profiling takes 17.96 seconds. Total non KV cache memory: 17.12GiB; torch peak memory increase: 1.89GiB; non-torch forward increase memory: 0.25GiB; weights memory: 14.99GiB.',
  '(EngineCore pid=242) INFO 04-22 00:04:20 [v1/worker/gpu_worker.py:436] Available KV cache memory: 58.11 GiB',
  '(EngineCore pid=242) INFO 04-22 00:04:20 [v1/core/kv_cache_utils.py:1319] GPU KV cache size: 476,016 tokens',
  '(EngineCore pid=242) INFO 04-22 00:04:20 [v1/core/kv_cache_utils.py:1324] Maximum concurrency for 8,192 tokens per request: 58.11x',
  '(EngineCore pid=242) DEBUG 04-22 00:04:24 [v1/worker/gpu_worker.py:661] Free memory on device (78.68/79.19 GiB) on startup. Desired GPU memory utilization is (0.95, 75.23 GiB). Actual usage is 14.99 GiB for weight, 1.89 GiB for peak activation, 0.25 GiB for non-torch memory, and 0.91 GiB for CUDAGraph memory. Replace gpu_memory_utilization config with `--kv-cache-memory=61258029056` (57.05 GiB) to fit into requested memory, or `--kv-cache-memory=64959076352` (60.5 GiB) to fully utilize gpu memory. Current kv cache memory in use is 58.11 GiB.',
].join('\n');

/**
 * vLLM v0.19.0, RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic, TP 2, two H100 80GB. Source: llm-d-incubation/llm-d-planner,
 * commit d3121e0, accuracy/results/v0.19.0/logs/fp8dyn-llama-3-3-70b--h100-80gb--tp2pp1dp1--8192.log: the banner, the
 * non-default args, the two "Defaulting" lines, the engine-config line (cut after `device_config=cuda,`), and the
 * memory lines of worker TP0 (lines 139, 837, 1442, 1443, 1447, 1448).
 */
export const LOG_V0_19_LLAMA_70B_FP8_TP2 = [
  '(APIServer pid=1) INFO 04-22 00:16:12 [entrypoints/utils.py:299]  ▄▄ ▄█ █     █     █ ▀▄▀ █  version 0.19.0\r',
  "(APIServer pid=1) INFO 04-22 00:16:12 [entrypoints/utils.py:233] non-default args: {'model_tag': 'RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic', 'model': 'RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic', 'max_model_len': 8192, 'tensor_parallel_size': 2, 'gpu_memory_utilization': 0.95, 'enable_prefix_caching': False}",
  '(APIServer pid=1) DEBUG 04-22 00:16:13 [engine/arg_utils.py:2232] Defaulting max_num_batched_tokens to 8192 for OPENAI_API_SERVER usage context.',
  '(APIServer pid=1) DEBUG 04-22 00:16:13 [engine/arg_utils.py:2242] Defaulting max_num_seqs to 1024 for OPENAI_API_SERVER usage context.',
  "(EngineCore pid=245) INFO 04-22 00:16:25 [v1/engine/core.py:105] Initializing a V1 LLM engine (v0.19.0) with config: model='RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic', speculative_config=None, tokenizer='RedHatAI/Llama-3.3-70B-Instruct-fp8-dynamic', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, tokenizer_revision=None, trust_remote_code=False, dtype=torch.bfloat16, max_seq_len=8192, download_dir=None, load_format=auto, tensor_parallel_size=2, pipeline_parallel_size=1, data_parallel_size=1, decode_context_parallel_size=1, dcp_comm_backend=ag_rs, disable_custom_all_reduce=False, quantization=compressed-tensors, enforce_eager=False, enable_return_routed_experts=False, kv_cache_dtype=auto, device_config=cuda,",
  '(Worker pid=445) DEBUG 04-22 00:16:36 [v1/worker/gpu_worker.py:285] worker requested memory: 75.23GiB',
  '(Worker_TP0 pid=444) INFO 04-22 00:17:32 [v1/worker/gpu_model_runner.py:4820] Model loading took 33.88 GiB memory and 54.254199 seconds',
  '(Worker_TP0 pid=444) DEBUG 04-22 00:18:23 [v1/worker/gpu_worker.py:435] Memory profiling takes 50.74 seconds. Total non KV cache memory: 37.95GiB; torch peak memory increase: 1.96GiB; non-torch forward increase memory: 2.1GiB; weights memory: 33.88GiB.',
  '(Worker_TP0 pid=444) INFO 04-22 00:18:23 [v1/worker/gpu_worker.py:436] Available KV cache memory: 37.28 GiB',
  '(EngineCore pid=245) INFO 04-22 00:18:23 [v1/core/kv_cache_utils.py:1319] GPU KV cache size: 244,304 tokens',
  '(EngineCore pid=245) INFO 04-22 00:18:23 [v1/core/kv_cache_utils.py:1324] Maximum concurrency for 8,192 tokens per request: 29.82x',
].join('\n');

/**
 * vLLM v0.8.3rc2.dev224+g49c0d11ec (V0 engine), DeepSeek-R1 AWQ, TP 16 on 24 GB cards. Source: vllm-project/vllm
 * PR #14447 ("[Kernel] moe wna16 marlin kernel"), comment by davidsyoung of 2025-04-12: the engine-config line
 * (cut after `device_config=cuda,`) and worker 507's memory lines. This excerpt has no block or concurrency line.
 */
export const LOG_V0_8_3_DEEPSEEK_R1_AWQ_TP16 = [
  "INFO 04-12 07:52:31 [llm_engine.py:243] Initializing a V0 LLM engine (v0.8.3rc2.dev224+g49c0d11ec) with config: model='/models/wanzhenchn_DeepSeek-R1-AWQ/', speculative_config=None, tokenizer='/models/wanzhenchn_DeepSeek-R1-AWQ/', skip_tokenizer_init=False, tokenizer_mode=auto, revision=None, override_neuron_config=None, tokenizer_revision=None, trust_remote_code=True, dtype=torch.bfloat16, max_seq_len=2048, download_dir=None, load_format=LoadFormat.AUTO, tensor_parallel_size=16, pipeline_parallel_size=1, disable_custom_all_reduce=False, quantization=awq_marlin, enforce_eager=False, kv_cache_dtype=auto,  device_config=cuda,",
  '(VllmWorkerProcess pid=507) INFO 04-12 08:21:19 [worker.py:267] Memory profiling takes 17.59 seconds',
  '(VllmWorkerProcess pid=507) INFO 04-12 08:21:19 [worker.py:267] the current vLLM instance can use total_gpu_memory (23.58GiB) x gpu_memory_utilization (0.99) = 23.35GiB',
  '(VllmWorkerProcess pid=507) INFO 04-12 08:21:19 [worker.py:267] model weights take 21.21GiB; non_torch_memory takes 0.20GiB; PyTorch activation peak memory takes 0.37GiB; the rest of the memory reserved for KV Cache is 1.57GiB.',
].join('\n');

/**
 * vLLM v0.6.5 (development build of PR #10511, V0 engine), meta-llama/Meta-Llama-3-8B, TP 1, one H100 80GB.
 * Source: vllm-project/vllm PR #10511 ("[core] overhaul memory profiling and fix backward compatibility"), comment
 * by youkaichao of 2024-12-14 ("Some sanity checks"), the `vllm serve meta-llama/Meta-Llama-3-8B` run.
 */
export const LOG_V0_6_5_LLAMA_3_8B_TP1 = [
  '$ vllm serve meta-llama/Meta-Llama-3-8B',
  'INFO 12-13 19:54:18 worker.py:243] Memory profiling results:',
  'INFO 12-13 19:54:18 worker.py:243] duration     0.75 seconds',
  'INFO 12-13 19:54:18 worker.py:243] total_gpu_memory     79.22GiB',
  'INFO 12-13 19:54:18 worker.py:243] gpu_memory_utilization       0.90',
  'INFO 12-13 19:54:18 worker.py:243] the current vLLM instance can use    71.29GiB',
  'INFO 12-13 19:54:18 worker.py:243] model weights take   14.96GiB',
  'INFO 12-13 19:54:18 worker.py:243] non_torch_memory     1.79GiB',
  'INFO 12-13 19:54:18 worker.py:243] PyTorch activation peak memory       1.26GiB',
  'INFO 12-13 19:54:18 worker.py:243] available_kv_cache_memory    53.29GiB',
].join('\n');

/**
 * vLLM of December 2024, before PR #10511 (V0 engine; the excerpt prints no version), meta-llama/Llama-3.1-8B-Instruct
 * on one RTX 3090, --max-model-len 29000. Source: vllm-project/vllm issue #10517 ("What's the relationship between KV
 * cache and MAX_SEQUENCE_LENGTH"), comment by kaspersiminski of 2024-12-02, the "29k - BAD" run.
 */
export const LOG_V0_6_4_LLAMA_8B_RTX3090 = [
  'Loading model weights took 14.9888 GB',
  'Memory profiling results: total_gpu_memory=23.58GiB initial_memory_usage=15.34GiB peak_torch_memory=17.98GiB memory_usage_post_profile=15.35GiB non_torch_memory=0.35GiB kv_cache_size=2.89GiB gpu_memory_utilization=0.90',
  '# GPU blocks: 1478, # CPU blocks: 2048',
  'Maximum concurrency for 29000 tokens per request: 0.82x',
  "The model's max seq len (29000) is larger than the maximum number of tokens that can be stored in KV cache (23648). Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.",
].join('\n');

/**
 * Early vLLM V1 (January 2025, VLLM_USE_V1=1), neuralmagic/Meta-Llama-3.1-70B-Instruct-quantized.w8a8 on one GPU.
 * Source: vllm-project/vllm PR #12569 ("[V1][Log] Add max request concurrency log to V1"), description by mgoin of
 * 2025-01-30 (its `...` line, standing for lines left out, is left out here too).
 */
export const LOG_V1_EARLY_LLAMA_70B_W8A8 = [
  'VLLM_USE_V1=1 vllm serve neuralmagic/Meta-Llama-3.1-70B-Instruct-quantized.w8a8 --max-model-len 2048 --gpu-memory-utilization 0.98',
  'INFO 01-30 03:18:12 gpu_model_runner.py:848] Loading model weights took 67.7229 GB',
  'INFO 01-30 03:19:14 kv_cache_utils.py:395] # GPU blocks: 1381',
  'INFO 01-30 03:19:14 kv_cache_utils.py:398] Maximum concurrency for 2048 tokens per request: 10.79x',
].join('\n');
